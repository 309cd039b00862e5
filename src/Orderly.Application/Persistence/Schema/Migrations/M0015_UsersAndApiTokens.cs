using System.Data;
using FluentMigrator;

namespace Orderly.Application.Persistence.Schema.Migrations;

/// <summary>
/// Issue 10, items 1 and 2 (ADR 0019): the people who sign in, their roles, and the API tokens of integrators. Users are
/// ASP.NET Core Identity's, kept by our own store (<c>People/UserStore</c>); roles are names from <c>RoleNames</c>, so
/// there is no table of roles; a token is stored as the SHA-256 hash of its secret only.
/// </summary>
[Migration(15, "0015_users_and_api_tokens")]
public sealed class M0015_UsersAndApiTokens(SchemaDialect dialect) : OrderlyMigration(dialect)
{
    public override void Up()
    {
        Create.Table("users")
            .WithColumn("id").AsCustom(Dialect.Id).NotNullable().PrimaryKey()
            .WithColumn("email").AsString().NotNullable()
            // Identity's upper-case form of the email: sign-in and uniqueness go by it
            .WithColumn("normalized_email").AsString().NotNullable()
            .WithColumn("display_name").AsString().NotNullable()
            // a role name (RoleNames), the department the person works in; null for customer and dealer users
            .WithColumn("department").AsString().Nullable()
            // the customer record of a customer or dealer user
            .WithColumn("customer_id").AsCustom(Dialect.Id).Nullable().ForeignKey("customers", "id")
            .WithColumn("password_hash").AsString().Nullable()
            // changes when the password, the roles or the disabled flag change: cookies issued before stop working
            .WithColumn("security_stamp").AsString().NotNullable()
            .WithColumn("concurrency_stamp").AsString().NotNullable()
            .WithColumn("lockout_enabled").AsCustom(Dialect.Flag).NotNullable()
            .WithColumn("lockout_end").AsCustom(Dialect.Instant).Nullable()
            .WithColumn("access_failed_count").AsInt32().NotNullable()
            .WithColumn("disabled").AsCustom(Dialect.Flag).NotNullable()
            .WithColumn("created_at").AsCustom(Dialect.Instant).NotNullable()
            .WithColumn("created_by").AsString().NotNullable();
        // Sign-in and the duplicate check find a user by normalized email.
        Create.Index("ux_users_normalized_email").OnTable("users").OnColumn("normalized_email").Ascending().WithOptions().Unique();

        // The primary key serves "the roles of a user"; nothing asks "the users of a role" yet.
        Create.Table("user_roles")
            .WithColumn("user_id").AsCustom(Dialect.Id).NotNullable().PrimaryKey().ForeignKey("users", "id").OnDelete(Rule.Cascade)
            .WithColumn("role").AsString().NotNullable().PrimaryKey();

        Create.Table("api_tokens")
            .WithColumn("id").AsCustom(Dialect.Id).NotNullable().PrimaryKey()
            .WithColumn("user_id").AsCustom(Dialect.Id).NotNullable().ForeignKey("users", "id").OnDelete(Rule.Cascade)
            .WithColumn("name").AsString().NotNullable()
            // lower-case hex SHA-256 of the secret (ory_…), which is never stored
            .WithColumn("token_hash").AsString().NotNullable()
            // space-separated role names the token may use: a subset of its user's roles
            .WithColumn("scopes").AsString().NotNullable()
            .WithColumn("created_at").AsCustom(Dialect.Instant).NotNullable()
            .WithColumn("expires_at").AsCustom(Dialect.Instant).Nullable()
            .WithColumn("revoked_at").AsCustom(Dialect.Instant).Nullable()
            .WithColumn("last_used_at").AsCustom(Dialect.Instant).Nullable();
        // Every authenticated request looks its token up by hash; "my tokens" lists by user.
        Create.Index("ux_api_tokens_token_hash").OnTable("api_tokens").OnColumn("token_hash").Ascending().WithOptions().Unique();
        Create.Index("ix_api_tokens_user").OnTable("api_tokens").OnColumn("user_id").Ascending().OnColumn("created_at").Ascending();
    }
}
