namespace Orderly.Application.People;

/// <summary>
/// A new user. <c>Roles</c> are role names (<c>sales</c>, <c>order-administration</c>, …); <c>Department</c> is one of
/// them (default: the first role that is not customer or dealer); <c>CustomerCode</c> is required for a customer or
/// dealer user and refused for anyone else. The password must have at least 12 characters.
/// </summary>
public sealed record CreateUserRequest(string Email, string DisplayName, string Password, IReadOnlyList<string> Roles,
    string? Department = null, string? CustomerCode = null);

/// <summary>The roles a user holds from now on (replacing the ones before).</summary>
public sealed record SetUserRolesRequest(IReadOnlyList<string> Roles);

/// <summary>A user as administrators and the user itself see it: never the password hash or the security stamp.</summary>
public sealed record UserView(Guid Id, string Email, string DisplayName, string? Department, IReadOnlyList<string> Roles,
    Guid? CustomerId, string? CustomerCode, bool Disabled, bool LockedOut, DateTimeOffset CreatedAt);
