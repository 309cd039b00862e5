using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace Orderly.Server.Http;

/// <summary>
/// What the framework refuses before an endpoint runs (<see cref="BadHttpRequestException"/>), as Problem Details:
/// 413 <c>request.too_large</c> (<see cref="BodySizeLimit"/>); 400 <c>request.duplicate_key</c> for a JSON object that
/// names a property twice (RFC 8259 leaves it undefined, so Orderly refuses instead of letting the last one win);
/// 400 <c>request.unknown_property</c> for a property the endpoint does not know (a misspelt optional field would
/// otherwise be dropped without a word); otherwise 400 <c>request.malformed</c>, with a field error at the JSON path or under the query/route parameter's name.
/// </summary>
internal static class UnreadableRequests
{
    public const string DuplicateKeyCode = "request.duplicate_key";
    public const string UnknownPropertyCode = "request.unknown_property";
    private const string Malformed = "request.malformed";
    private const string NotValidJson = "The request body is not valid JSON for this endpoint.";

    public static ProblemDetails Problem(HttpContext http, BadHttpRequestException e)
    {
        if (e.StatusCode == StatusCodes.Status413PayloadTooLarge) return BodySizeLimit.Problem(http.Request.ContentLength);
        if (e.InnerException is JsonException json) return FromJson(json);
        if (Parameter(e.Message) is { } parameter)
        {
            var text = Quoted(e.Message, $"Failed to bind parameter \"{parameter.Declaration}\" from \"", "\"") is { } given
                ? $"The parameter '{parameter.Name}' must be {Expected(parameter.Type)}; '{given}' is not."
                : $"The parameter '{parameter.Name}' is required: send it as {Expected(parameter.Type)}.";
            return Problems.Create(400, Malformed, "A parameter of the request is not valid.", text, Field(parameter.Name, text));
        }
        if (e.Message.Contains("body", StringComparison.OrdinalIgnoreCase)
            && (e.Message.Contains("no body was provided", StringComparison.Ordinal) || e.Message.Contains("was not provided from body", StringComparison.Ordinal)))
        {
            const string text = "This request needs a JSON object in its body (Content-Type: application/json).";
            return Problems.Create(400, Malformed, "The request body is missing.", text, Field("body", text));
        }
        return Problems.Create(e.StatusCode, Malformed, "The request could not be read.", e.Message);
    }

    private static ProblemDetails FromJson(JsonException json)
    {
        var field = FieldOf(json.Path);
        if (DuplicateProperty(json.Message) is { } key)
        {
            var text = $"The property '{key}' appears more than once in the same object (at '{field}'). Send each property once.";
            return Problems.Create(400, DuplicateKeyCode, "The request body names a property twice.", text, Field(field, text));
        }
        if (UnknownProperty(json.Message) is { } unknown)
        {
            var at = field == unknown || string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "" : $" (at '{field}')";
            var text = $"The property '{unknown}'{at} is not part of this request. Check its spelling against the endpoint's schema " +
                       "(GET /openapi/v1.json) or leave it out.";
            return Problems.Create(400, UnknownPropertyCode, "The request body has a property this endpoint does not know.", text,
                Field(field, text));
        }
        var missing = MissingProperties(json.Message);
        if (missing.Count > 0)
        {
            var text = $"Required {(missing.Count == 1 ? "property" : "properties")} missing: {string.Join(", ", missing.Select(m => $"'{m}'"))}.";
            return Problems.Create(400, Malformed, NotValidJson, text, missing.ToDictionary(m => m, m => new[] { $"'{m}' is required." }));
        }
        var message = $"The value at '{field}' is missing, of the wrong type or malformed.";
        return Problems.Create(400, Malformed, NotValidJson, message, Field(field, message));
    }

    private static Dictionary<string, string[]> Field(string field, string message) => new() { [field] = [message] };

    /// <summary>The property of System.Text.Json's "Duplicate property 'x' encountered during deserialization of type 'T'." message.</summary>
    private static string? DuplicateProperty(string message) => Quoted(message, "Duplicate property '", "'");

    /// <summary>The property of System.Text.Json's "The JSON property 'x' could not be mapped to any .NET member contained in type 'T'." message.</summary>
    private static string? UnknownProperty(string message) => Quoted(message, "The JSON property '", "' could not be mapped");

    /// <summary>The declaration, type and name of the parameter in the framework's <c>Failed to bind parameter
    /// "Nullable&lt;int&gt; page" from "abc".</c> and <c>Required parameter "Guid id" was not provided from route.</c> messages.</summary>
    private static (string Declaration, string Type, string Name)? Parameter(string message)
    {
        var declaration = Quoted(message, "Failed to bind parameter \"", "\"") ?? Quoted(message, "Required parameter \"", "\"");
        if (declaration is null) return null;
        var space = declaration.LastIndexOf(' ');
        var type = declaration[..Math.Max(space, 0)].TrimEnd('?');
        if (type.StartsWith("Nullable<", StringComparison.Ordinal) && type.EndsWith('>')) type = type["Nullable<".Length..^1];
        return (declaration, type, declaration[(space + 1)..]);
    }

    /// <summary>What a parameter of the C# type <paramref name="type"/> must look like, in words (never the type's name alone).</summary>
    private static string Expected(string type) => type switch
    {
        "int" or "long" or "short" => "a whole number",
        "decimal" or "double" => "a number (digits, '.' for decimals)",
        "Guid" => "an id (a UUID such as 0193f5e2-7a1b-7c3d-9e4f-1a2b3c4d5e6f)",
        "DateOnly" => "a date (YYYY-MM-DD)",
        "DateTimeOffset" or "DateTime" => "a date and time (ISO 8601, such as 2026-12-02T09:30:00Z)",
        "bool" => "true or false",
        _ => $"a value of the form the API document gives for it ({type})",
    };

    /// <summary>The non-empty text between <paramref name="prefix"/>, which the message starts with, and the first <paramref name="suffix"/> after it.</summary>
    private static string? Quoted(string message, string prefix, string suffix)
    {
        if (!message.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var end = message.IndexOf(suffix, prefix.Length, StringComparison.Ordinal);
        return end > prefix.Length ? message[prefix.Length..end] : null;
    }

    /// <summary>Property names from System.Text.Json's "missing required properties including: 'a', 'b'." message.</summary>
    private static List<string> MissingProperties(string message)
    {
        const string marker = "missing required properties including:";
        var at = message.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0) return [];
        var list = WithoutPath(message[(at + marker.Length)..]);
        return list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(name => name.Trim('.', '\'', ' ')).Where(name => name.Length > 0).ToList();
    }

    private static string WithoutPath(string message)
    {
        var end = message.IndexOf(" Path:", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }

    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}
