package io.tidings.journey.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;

import org.springframework.stereotype.Component;

/**
 * {@code ${coupons.issue(execution, 'BDAY')}}: puts the contact's personal coupon code
 * for this year in the variable {@code couponCode}, for the mail that follows. The year
 * is that of {@code triggerDate} (the birthday or anniversary the trigger fired for),
 * else the current one.
 */
@Component("coupons")
public class CouponSteps {

	private final CouponCodes codes;

	CouponSteps(CouponCodes codes) {
		this.codes = codes;
	}

	public void issue(DelegateExecution execution, String prefix) {
		execution.setVariable("couponCode",
				codes.codeFor(prefix, execution.getProcessBusinessKey(), year(execution.getVariable("triggerDate"))));
	}

	private static int year(Object triggerDate) {
		if (triggerDate instanceof String day && !day.isBlank()) {
			return LocalDate.parse(day).getYear();
		}
		return ClockUtil.getCurrentTime().toInstant().atZone(ZoneOffset.UTC).getYear();
	}

}
