namespace Orderly.Application.Audit;

/// <summary>
/// One line of the security audit log (table <c>audit_log</c>, migration 0016): what happened (<see cref="Kind"/>, one of
/// <see cref="AuditKinds"/>), to or by whom (<see cref="Subject"/>), what exactly (<see cref="Detail"/>), from which
/// address, when. Text is stored as given (cut to its column's length) and escaped wherever it is shown.
/// </summary>
public sealed class AuditEntry
{
    public const int SubjectLength = 200;
    public const int DetailLength = 500;
    public const int AddressLength = 64;

    private AuditEntry() { }

    public long Id { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string Kind { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Detail { get; private set; } = "";
    public string Address { get; private set; } = "";

    internal static AuditEntry Of(string kind, string subject, string detail, string? address, DateTimeOffset at) => new()
    {
        Kind = kind, OccurredAt = at, Subject = Cut(subject, SubjectLength), Detail = Cut(detail, DetailLength), Address = Cut(address ?? "", AddressLength),
    };

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}

/// <summary>The kinds of <see cref="AuditEntry"/>, as stored and as <c>GET /api/audit?kind=</c> names them.</summary>
public static class AuditKinds
{
    public const string SignInSucceeded = "sign_in.succeeded";
    public const string SignInFailed = "sign_in.failed";
    public const string LockedOut = "sign_in.locked_out";
    public const string SignedOut = "sign_out";
    public const string PermissionRefused = "permission.refused";
    public const string TokenCreated = "token.created";
    public const string TokenRevoked = "token.revoked";
    public const string UserCreated = "user.created";
    public const string UserChanged = "user.changed";

    public static readonly IReadOnlyList<string> All =
        [SignInSucceeded, SignInFailed, LockedOut, SignedOut, PermissionRefused, TokenCreated, TokenRevoked, UserCreated, UserChanged];
}
