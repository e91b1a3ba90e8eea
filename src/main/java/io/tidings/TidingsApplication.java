package io.tidings;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TidingsApplication {

	public static void main(String[] args) {
		SpringApplication.run(TidingsApplication.class, args);
	}

}
