package dev.offboarding.config;

/** Something the application creates at start-up if it is missing (groups, filters, demo data). */
public interface StartupSetup {

    void setUp();
}
