package io.tidings.fuzz;

import net.jqwik.api.Arbitrary;

/**
 * One input of the application that the fuzzer attacks: how to reach it and how to make
 * bad bodies for it.
 *
 * @param name how the summary calls it
 * @param method HTTP method
 * @param path path (and query) the bodies are sent to
 * @param inputs the generator of bad bodies
 * @param page whether the answer is a page for a person (HTML) rather than an API problem
 */
record FuzzTarget(String name, String method, String path, Arbitrary<BadInput> inputs, boolean page) {

	static FuzzTarget api(String method, String path, Arbitrary<BadInput> inputs) {
		return new FuzzTarget(method + " " + path, method, path, inputs, false);
	}

	@Override
	public String toString() {
		return name;
	}

}
