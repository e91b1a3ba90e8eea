package io.tidings.analytics.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /dashboard}: the journeys' funnels, rates over time and A/B results in
 * charts, for the same users as the API. The page is a shell: its script reads the JSON
 * API with the browser's login and draws with Chart.js, served from the app's own
 * classpath (a WebJar), so it works without internet.
 */
@Controller
class DashboardController {

	@GetMapping("/dashboard")
	String dashboard() {
		return "analytics/dashboard";
	}

}
