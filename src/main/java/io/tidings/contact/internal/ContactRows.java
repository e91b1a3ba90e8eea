package io.tidings.contact.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

import io.tidings.contact.AddressState;
import io.tidings.contact.Birthday;
import io.tidings.contact.Contact;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * A row of {@code contacts} as a {@link Contact}, for every query that reads whole rows.
 */
@Component
class ContactRows implements RowMapper<Contact> {

	private final JsonAttributes json;

	ContactRows(JsonAttributes json) {
		this.json = json;
	}

	@Override
	public Contact mapRow(ResultSet rs, int row) throws SQLException {
		int month = rs.getInt("birthday_month");
		Birthday birthday = rs.wasNull() ? null : new Birthday(month, rs.getInt("birthday_day"),
				(Integer) rs.getObject("birthday_year", Integer.class));
		Date signedUp = rs.getDate("signed_up_on");
		Timestamp engaged = rs.getTimestamp("last_engaged_at");
		Timestamp checked = rs.getTimestamp("address_checked_at");
		return new Contact(rs.getString("id"), rs.getString("email"), rs.getString("first_name"),
				rs.getString("last_name"), rs.getString("locale"), rs.getString("time_zone"), birthday,
				signedUp == null ? null : signedUp.toLocalDate(), json.read(rs.getString("attributes")),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
				engaged == null ? null : engaged.toInstant(), new AddressState(rs.getString("address_status"),
						rs.getString("address_reason"), checked == null ? null : checked.toInstant()));
	}

}
