package io.tidings.delivery;

/**
 * @param created false when the dedupe key was already recorded and nothing new was
 * queued
 */
public record QueuedDelivery(String deliveryId, String messageId, boolean created) {
}
