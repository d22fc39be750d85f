package dev.offboarding.security;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Path;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.camunda.bpm.admin.plugin.spi.impl.AbstractAdminPlugin;
import org.camunda.bpm.admin.resource.AbstractAdminPluginRootResource;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;
import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;
import org.camunda.bpm.tasklist.resource.AbstractTasklistPluginRootResource;
import org.camunda.bpm.webapp.plugin.spi.AppPlugin;
import org.camunda.bpm.welcome.plugin.spi.impl.AbstractWelcomePlugin;
import org.camunda.bpm.welcome.resource.AbstractWelcomePluginRootResource;
import org.springframework.core.env.Profiles;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * A plugin of Tasklist, Cockpit, Admin and the welcome page ({@code plugin-webapp/sso-logout/app/plugin.js}): in the
 * {@code entra} profile the menu's "Log out" goes to {@code /logout}, which signs out of Entra ID too, and Camunda's
 * login page, of no use beside Entra, loads the app again, which signs in with Entra. Camunda finds the plugins
 * through {@code META-INF/services} in every configuration; without the profile their script is empty, so Camunda's
 * own logins are untouched.
 */
public final class SsoLogoutPlugin {

    static final String ID = "sso-logout";
    private static final String SCRIPT = "plugin-webapp/" + ID + "/app/plugin.js";

    private SsoLogoutPlugin() {
    }

    /** The script, with the address of {@code /logout}, in the {@code entra} profile; otherwise nothing. */
    static InputStream asset(ServletContext servletContext, String file) {
        WebApplicationContext spring = WebApplicationContextUtils.getWebApplicationContext(servletContext);
        boolean entra = spring != null
                && spring.getEnvironment().acceptsProfiles(Profiles.of(EntraSecurityConfiguration.PROFILE));
        String content = "";
        if (entra && file.equals("app/plugin.js")) {
            content = script().replace("LOGOUT_URL", servletContext.getContextPath() + "/logout");
        }
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }

    private static String script() {
        try (InputStream in = SsoLogoutPlugin.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static class Tasklist extends AbstractTasklistPlugin {
        @Override
        public String getId() {
            return ID;
        }

        @Override
        public Set<Class<?>> getResourceClasses() {
            return Set.of(TasklistResource.class);
        }
    }

    @Path("plugin/" + ID)
    public static class TasklistResource extends AbstractTasklistPluginRootResource {
        public TasklistResource() {
            super(ID);
        }

        @Override
        protected InputStream getPluginAssetAsStream(AppPlugin plugin, String file) {
            return asset(servletContext, file);
        }
    }

    public static class Cockpit extends AbstractCockpitPlugin {
        @Override
        public String getId() {
            return ID;
        }

        @Override
        public Set<Class<?>> getResourceClasses() {
            return Set.of(CockpitResource.class);
        }
    }

    @Path("plugin/" + ID)
    public static class CockpitResource extends AbstractCockpitPluginRootResource {
        public CockpitResource() {
            super(ID);
        }

        @Override
        protected InputStream getPluginAssetAsStream(AppPlugin plugin, String file) {
            return asset(servletContext, file);
        }
    }

    public static class Admin extends AbstractAdminPlugin {
        @Override
        public String getId() {
            return ID;
        }

        @Override
        public Set<Class<?>> getResourceClasses() {
            return Set.of(AdminResource.class);
        }
    }

    @Path("plugin/" + ID)
    public static class AdminResource extends AbstractAdminPluginRootResource {
        public AdminResource() {
            super(ID);
        }

        @Override
        protected InputStream getPluginAssetAsStream(AppPlugin plugin, String file) {
            return asset(servletContext, file);
        }
    }

    public static class Welcome extends AbstractWelcomePlugin {
        @Override
        public String getId() {
            return ID;
        }

        @Override
        public Set<Class<?>> getResourceClasses() {
            return Set.of(WelcomeResource.class);
        }
    }

    @Path("plugin/" + ID)
    public static class WelcomeResource extends AbstractWelcomePluginRootResource {
        public WelcomeResource() {
            super(ID);
        }

        @Override
        protected InputStream getPluginAssetAsStream(AppPlugin plugin, String file) {
            return asset(servletContext, file);
        }
    }
}
