create table users (
    id              uuid primary key,
    email           varchar(254) not null unique check (email = lower(email)),
    password_hash   varchar(255),
    roles           text[]       not null,
    email_verified  boolean      not null default false,
    failed_attempts integer      not null default 0,
    last_failed_at  timestamptz,
    locked_until    timestamptz,
    created_at      timestamptz  not null
);

-- single-use links: only the SHA-256 of the token is stored
create table email_verifications (
    token_hash varchar(64) primary key,
    user_id    uuid        not null references users (id) on delete cascade,
    expires_at timestamptz not null,
    used_at    timestamptz
);

create table signing_keys (
    kid         varchar(64) primary key,
    private_pem text        not null,
    public_pem  text        not null,
    state       varchar(10) not null check (state in ('ACTIVE', 'PREVIOUS', 'RETIRED')),
    created_at  timestamptz not null,
    demoted_at  timestamptz,
    retired_at  timestamptz
);
create unique index signing_keys_one_active on signing_keys (state) where state = 'ACTIVE';

create table audit_events (
    id      uuid primary key,
    at      timestamptz not null,
    type    varchar(40) not null,
    actor   varchar(254),
    subject varchar(254),
    details jsonb       not null default '{}'
);
create index audit_events_at on audit_events (at desc);

-- Spring Authorization Server (PostgreSQL flavour of oauth2-authorization-schema.sql: blob → text, timestamp → timestamptz)
create table oauth2_authorization (
    id                            varchar(100)  not null primary key,
    registered_client_id          varchar(100)  not null,
    principal_name                varchar(200)  not null,
    authorization_grant_type      varchar(100)  not null,
    authorized_scopes             varchar(1000) default null,
    attributes                    text          default null,
    state                         varchar(500)  default null,
    authorization_code_value      text          default null,
    authorization_code_issued_at  timestamptz   default null,
    authorization_code_expires_at timestamptz   default null,
    authorization_code_metadata   text          default null,
    access_token_value            text          default null,
    access_token_issued_at        timestamptz   default null,
    access_token_expires_at       timestamptz   default null,
    access_token_metadata         text          default null,
    access_token_type             varchar(100)  default null,
    access_token_scopes           varchar(1000) default null,
    oidc_id_token_value           text          default null,
    oidc_id_token_issued_at       timestamptz   default null,
    oidc_id_token_expires_at      timestamptz   default null,
    oidc_id_token_metadata        text          default null,
    refresh_token_value           text          default null,
    refresh_token_issued_at       timestamptz   default null,
    refresh_token_expires_at      timestamptz   default null,
    refresh_token_metadata        text          default null,
    user_code_value               text          default null,
    user_code_issued_at           timestamptz   default null,
    user_code_expires_at          timestamptz   default null,
    user_code_metadata            text          default null,
    device_code_value             text          default null,
    device_code_issued_at         timestamptz   default null,
    device_code_expires_at        timestamptz   default null,
    device_code_metadata          text          default null
);

-- Spring Security WebAuthn (user-entities-schema.sql, user-credentials-schema-postgres.sql)
create table user_entities (
    id           varchar(1000) not null primary key,
    name         varchar(100)  not null,
    display_name varchar(200)
);

create table user_credentials (
    credential_id                varchar(1000) not null primary key,
    user_entity_user_id          varchar(1000) not null,
    public_key                   bytea         not null,
    signature_count              bigint,
    uv_initialized               boolean,
    backup_eligible              boolean       not null,
    authenticator_transports     varchar(1000),
    public_key_credential_type   varchar(100),
    backup_state                 boolean       not null,
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created                      timestamp,
    last_used                    timestamp,
    label                        varchar(1000) not null
);
