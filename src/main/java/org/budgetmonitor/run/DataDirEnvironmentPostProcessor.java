package org.budgetmonitor.run;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Publishes {@code monitor.data-path}, the absolute form of {@code --data-dir}, for the H2 URL:
 * H2 refuses file paths that are implicitly relative to the working directory.
 */
public class DataDirEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dataDir = environment.getProperty("monitor.data-dir", "data");
        String absolute = Path.of(dataDir).toAbsolutePath().normalize().toString().replace('\\', '/');
        environment.getPropertySources().addLast(new MapPropertySource("budgetMonitorDataPath",
                Map.of("monitor.data-path", absolute)));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
