namespace Orderly.Domain.Workflow;

/// <summary>How the workflow's enums are named in the API, the tables' docs and refusals: kebab case (<c>confirm-with-customer</c>, <c>late-supplier</c>).</summary>
public static class KebabNames
{
    /// <summary>The kebab-case name of <paramref name="value"/>.</summary>
    public static string ToName<T>(T value) where T : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    public static bool TryParse<T>(string? name, out T value) where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
            if (string.Equals(ToName(candidate), name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = candidate;
                return true;
            }
        value = default;
        return false;
    }

    public static string Names<T>() where T : struct, Enum => string.Join(", ", Enum.GetValues<T>().Select(ToName));
}
