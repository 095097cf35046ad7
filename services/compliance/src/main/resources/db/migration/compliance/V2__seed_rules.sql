-- The rules of DOMAIN.md "Broadcasting and public-viewing rules", version 1 of each.
-- Reasons are templates: {rule} is the rule's id@version, other {names} are filled by its kind.
INSERT INTO rules (id, version, enabled, kind, territory, competition, venue_type, licence, parameters, reason) VALUES
('residential-personal-use', 1, TRUE, 'RESIDENTIAL_PERSONAL_USE', NULL, NULL, 'HOME', 'RESIDENTIAL',
 '{"paidSeatsCoverHospitality": true}',
 'Residential streaming subscriptions are for personal, non-commercial use: a home session may not charge for the broadcast itself (rule {rule}).'),

('package-country-matches-venue', 1, TRUE, 'PACKAGE_COUNTRY_MATCHES_VENUE', NULL, NULL, 'HOME', 'RESIDENTIAL',
 '{}',
 'The venue''s residential streaming package is registered in {packageCountries}, but the venue is in {venueCountry}; a residential subscription streams only in its own country (rule {rule}).'),

('commercial-needs-commercial', 1, TRUE, 'COMMERCIAL_NEEDS_COMMERCIAL', NULL, NULL, 'COMMERCIAL', NULL,
 '{}',
 'Commercial premises need a commercial streaming package (rule {rule}).'),

('live-only', 1, TRUE, 'LIVE_ONLY', NULL, NULL, NULL, NULL,
 '{"matchMinutes": 150}',
 'This match ended at about {fixtureEnd}; couchannel shows matches live only, replays and delayed showings need other permissions (rule {rule}).'),

('uk-3pm-blackout', 1, TRUE, 'BLACKOUT_WINDOW', 'GB',
 'premier league|championship|league one|league two|fa cup|efl|scottish|ekstraklasa|bundesliga|la liga|serie a|ligue 1|eredivisie|champions league|europa league|conference league|uefa|fifa|world cup',
 NULL, NULL,
 '{"day": "SATURDAY", "from": "14:45", "to": "17:15", "zone": "Europe/London"}',
 'Football kicking off between {from} and {to} on a {day} may not be shown live in the UK (the 3 pm blackout); this match kicks off at {kickoffLocal} (rule {rule}).'),

('tournament-public-viewing-gb', 1, TRUE, 'ATTENDEE_THRESHOLD', 'GB', 'uefa euro|european championship|fifa world cup', NULL, NULL,
 '{"maxAttendees": 150}',
 'Showing {competition} to more than {maxAttendees} people in this country needs a public-viewing licence from the organiser; this showing would have {attendees} (rule {rule}).'),

('tournament-public-viewing-pl', 1, TRUE, 'ATTENDEE_THRESHOLD', 'PL', 'uefa euro|european championship|fifa world cup', NULL, NULL,
 '{"maxAttendees": 1000}',
 'Showing {competition} to more than {maxAttendees} people in this country needs a public-viewing licence from the organiser; this showing would have {attendees} (rule {rule}).'),

('tournament-public-viewing-de', 1, TRUE, 'ATTENDEE_THRESHOLD', 'DE', 'uefa euro|european championship|fifa world cup', NULL, NULL,
 '{"maxAttendees": 5000}',
 'Showing {competition} to more than {maxAttendees} people in this country needs a public-viewing licence from the organiser; this showing would have {attendees} (rule {rule}).'),

('us-110-5', 1, TRUE, 'US_110_5', 'US', NULL, 'COMMERCIAL', NULL,
 '{"maxScreens": 4, "maxScreenInches": 55, "maxSpeakers": 6, "coverChargeCounts": false}',
 'Under 17 U.S.C. §110(5) a US food or drink venue with {equipment} needs a public-performance licence, which comes with a commercial streaming package (rule {rule}).'),

('super-bowl-no-admission', 1, TRUE, 'NO_ADMISSION_FEE', NULL, 'super bowl', 'HOME', NULL,
 '{}',
 'Super Bowl parties outside sports bars may not charge admission, not even to cover snacks (rule {rule}).'),

('attendee-cap', 1, TRUE, 'ATTENDEE_CAP', NULL, NULL, NULL, NULL,
 '{"residentialLimit": 25, "commercialLimit": 2000}',
 'This showing would have {attendees} people, more than its limit of {cap} ({limitedBy}) (rule {rule}).');
