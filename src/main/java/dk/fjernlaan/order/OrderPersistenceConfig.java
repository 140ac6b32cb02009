package dk.fjernlaan.order;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;

/** Order numbers come from a database sequence (1000000000-1999999999), on H2 and PostgreSQL alike. */
@Configuration
class OrderPersistenceConfig {

    @Bean
    DataFieldMaxValueIncrementer orderNumbers(DataSource dataSource) throws SQLException {
        String product;
        try (Connection c = dataSource.getConnection()) {
            product = c.getMetaData().getDatabaseProductName();
        }
        return product.toLowerCase().contains("postgres")
            ? new PostgresSequenceMaxValueIncrementer(dataSource, "order_number_seq")
            : new H2SequenceMaxValueIncrementer(dataSource, "order_number_seq");
    }
}
