package dev.offboarding;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class OffboardingApplication {

    public static void main(String[] args) {
        SpringApplication.run(OffboardingApplication.class, args);
    }
}
