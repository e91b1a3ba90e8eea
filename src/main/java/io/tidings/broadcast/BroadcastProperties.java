package io.tidings.broadcast;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param enabled whether this node works on broadcasts
 * @param chunkSize members read and started per chunk; the cursor moves after each
 * @param lease how long a node holds a broadcast it works on before another may take it
 * over (it renews the lease after every chunk)
 * @param pollInterval how often an idle node looks for a broadcast to work on
 * @param workers members of a chunk a node starts at the same time, each in its own
 * transaction (the broadcast's rate holds for all of them together)
 * @param membersPerTransaction members a worker starts in one transaction (fewer for a
 * broadcast slower than ten times that a second); one commit for several members is what
 * makes a large broadcast fast, and a member that fails makes the others of its group go
 * one by one
 */
@Validated
@ConfigurationProperties("tidings.broadcasts")
public record BroadcastProperties(@DefaultValue("true") boolean enabled,
		@Min(1) @Max(10000) @DefaultValue("200") int chunkSize, @NotNull @DefaultValue("2m") Duration lease,
		@NotNull @DefaultValue("2s") Duration pollInterval, @Min(1) @Max(64) @DefaultValue("4") int workers,
		@Min(1) @Max(1000) @DefaultValue("20") int membersPerTransaction) {
}
