package io.tidings.privacy;

import java.util.List;

/**
 * What an erasure did, without saying whose it was.
 *
 * @param sections the modules that erased their part
 * @param addressHashes how many address hashes were kept
 * @param attempts how many transactions it took (a journey moving at the same moment
 * makes it try again)
 */
public record Erasure(List<String> sections, int addressHashes, int attempts) {
}
