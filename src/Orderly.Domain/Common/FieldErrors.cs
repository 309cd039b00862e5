namespace Orderly.Domain.Common;

/// <summary>Collects every field problem of one request so the caller learns them all at once.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        list.Add(message);
    }

    public void RequireText(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) Add(field, $"'{field}' is required.");
        else if (value.Trim().Length > maxLength) Add(field, $"'{field}' is at most {maxLength} characters.");
    }

    public void ThrowIfAny(string code, string message)
    {
        if (Any) throw new InvalidInput(code, message, ToDictionary());
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
