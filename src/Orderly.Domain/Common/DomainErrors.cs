namespace Orderly.Domain.Common;

/// <summary>A business rule refused the request: the request was well-formed but not allowed now (HTTP 409).</summary>
public sealed class BusinessRuleViolation(string code, string message) : Exception(message)
{
    /// <summary>Stable, dotted code such as <c>order.command_not_allowed</c>.</summary>
    public string Code { get; } = code;
}

/// <summary>The input itself is wrong (HTTP 400), with the offending fields.</summary>
public sealed class InvalidInput(string code, string message, IReadOnlyDictionary<string, string[]> fieldErrors)
    : Exception(message)
{
    public string Code { get; } = code;
    public IReadOnlyDictionary<string, string[]> FieldErrors { get; } = fieldErrors;

    public static InvalidInput ForField(string field, string code, string message) =>
        new(code, message, new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>The thing asked for does not exist (HTTP 404).</summary>
public sealed class NotFound(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
