package dev.couchannel.compliance.rules;

/**
 * A subscription the host holds at the venue.
 *
 * @param country ISO 3166 alpha-2 country of the subscription account
 */
public record StreamingPackage(String provider, Licence licence, String country) {}
