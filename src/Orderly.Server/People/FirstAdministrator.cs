using Microsoft.EntityFrameworkCore;
using Orderly.Application.People;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;
using Orderly.Domain.People;

namespace Orderly.Server.People;

/// <summary>
/// The first administrator (ADR 0019): with <c>Orderly:Bootstrap:AdminEmail</c> and <c>Orderly:Bootstrap:AdminPassword</c>
/// set, a user with system-administration and order-administration is made at start when the database has no user
/// yet. There is no default password: without the settings a new database has no user until they are given (or
/// <c>--seed-demo</c> makes its demo users).
/// </summary>
internal static class FirstAdministrator
{
    public const string EmailSetting = "Orderly:Bootstrap:AdminEmail";
    public const string PasswordSetting = "Orderly:Bootstrap:AdminPassword";
    public const string Actor = "bootstrap";
    public static readonly Role[] Roles = [Role.SystemAdministration, Role.OrderAdministration];

    /// <summary>Why the bootstrap settings cannot be used (one without the other, a password under 12 characters), or null.</summary>
    public static string? ProblemWith(IConfiguration configuration)
    {
        var email = configuration[EmailSetting];
        var password = configuration[PasswordSetting];
        if (string.IsNullOrWhiteSpace(email) && string.IsNullOrEmpty(password)) return null;
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
            return $"{EmailSetting} and {PasswordSetting} go together: give both to create the first administrator, or neither.";
        if (!email.Contains('@', StringComparison.Ordinal))
            return $"{EmailSetting} is '{email}'; it must be an email address (the administrator signs in with it).";
        if (password.Length < UserUseCases.MinPasswordLength)
            return $"{PasswordSetting} has {password.Length} characters; it must have at least {UserUseCases.MinPasswordLength}.";
        return null;
    }

    /// <summary>Creates the administrator when the settings are given and no user exists; returns what it did, for the start-up log.</summary>
    public static async Task<string> EnsureAsync(IServiceProvider services, IConfiguration configuration, CancellationToken ct)
    {
        var email = configuration[EmailSetting];
        if (string.IsNullOrWhiteSpace(email)) return $"no bootstrap administrator ({EmailSetting} not set)";
        await using var scope = services.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<OrderlyDbContext>().Users.AnyAsync(ct)) return "users exist, no bootstrap administrator made";
        try
        {
            await scope.ServiceProvider.GetRequiredService<UserUseCases>().CreateAsync(new CreateUserRequest(email.Trim(), "Administrator",
                configuration[PasswordSetting]!, [.. Roles.Select(r => r.ToName())]), Actor, ct);
        }
        catch (Exception e) when (e is BusinessRuleViolation || DatabaseErrors.IsDuplicate(e))
        {
            return "bootstrap administrator made by another instance starting at the same time"; // ADR 0018: several instances
        }
        return $"bootstrap administrator {email.Trim()} created";
    }
}
