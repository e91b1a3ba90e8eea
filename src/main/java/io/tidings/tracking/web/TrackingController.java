package io.tidings.tracking.web;

import java.net.URI;
import java.util.Base64;

import io.tidings.tracking.TrackingLinks;
import io.tidings.tracking.Visitor;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The recipient's side of tracking, public like the unsubscribe links:
 * {@code /t/o/{token}} answers with a 1×1 transparent GIF and records the open;
 * {@code /t/c/{token}} records the click and redirects to the URL stored for that token,
 * never to one the request names. Unknown tokens get the plain 404 page.
 */
@Controller
class TrackingController {

	/** The smallest transparent GIF (43 bytes). */
	private static final byte[] PIXEL = Base64.getDecoder()
		.decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

	private final TrackingLinks tracking;

	TrackingController(TrackingLinks tracking) {
		this.tracking = tracking;
	}

	@GetMapping("/t/o/{token}")
	ResponseEntity<byte[]> open(@PathVariable String token, HttpServletRequest request) {
		if (!tracking.opened(token, visitor(request))) {
			throw new UnknownTrackingLink();
		}
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_GIF)
			.cacheControl(CacheControl.noStore().mustRevalidate().cachePrivate())
			.body(PIXEL);
	}

	@GetMapping("/t/c/{token}")
	ResponseEntity<Void> click(@PathVariable String token, HttpServletRequest request) {
		String url = tracking.clicked(token, visitor(request)).orElseThrow(UnknownTrackingLink::new);
		return ResponseEntity.status(HttpStatus.FOUND)
			.header(HttpHeaders.LOCATION, URI.create(url).toASCIIString())
			.cacheControl(CacheControl.noStore())
			.build();
	}

	private static Visitor visitor(HttpServletRequest request) {
		return new Visitor(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
	}

}
