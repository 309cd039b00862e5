using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Orderly.Server.Permissions;

namespace Orderly.Server.OpenApi;

/// <summary>
/// Adds the refusals every operation of a kind can answer with, so that no endpoint has to list them (codes of ADR 0007
/// and <c>Http/Problems.cs</c>): a body that does not bind (400 <c>request.malformed</c>) or is too large (413
/// <c>request.too_large</c>); a change not sent as <c>Content-Type: application/json</c>, with a body or without (415
/// <c>request.content_type_not_json</c>, ADR 0020); a caller over its rate limit on any <c>/api</c> operation (429
/// <c>request.rate_limited</c> with <c>Retry-After</c>); a malformed parameter or header
/// (400); a permission the caller's roles do not hold (403 <c>permission.&lt;name&gt;</c>, ADR 0021); an unknown id in the path (404); a write that waited too long for its turn (503 <c>write_queue.timeout</c>
/// with <c>Retry-After</c>) or kept losing races with other instances (503 <c>database.conflict</c>); any request but the health checks while the server prepares its database at start (503
/// <c>server.starting</c>, <c>Operations/StartupGate.cs</c>); no credentials on any operation but the anonymous ones (401,
/// ADR 0019). Every refusal is Problem Details.
/// </summary>
internal sealed class RefusalResponses : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var isWrite = !HttpMethods.IsGet(description.HttpMethod ?? "GET");
        var hasBody = operation.RequestBody is not null;
        var hasPathId = description.RelativePath?.Contains('{') == true;
        var hasParameters = operation.Parameters?.Any(p => p.In is ParameterLocation.Query or ParameterLocation.Header) == true;
        var isHealth = description.RelativePath?.StartsWith("health", StringComparison.Ordinal) == true;
        var isApi = description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
        var needsSignIn = !description.ActionDescriptor.EndpointMetadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any();

        operation.Responses ??= new OpenApiResponses();
        if (hasBody || hasParameters || isWrite)
            Add(operation, context, "400");
        if (description.ActionDescriptor.EndpointMetadata.OfType<RequiredPermission>().FirstOrDefault() is { } required)
            Add(operation, context, "403").Description = required.Describe();
        if (needsSignIn) Add(operation, context, "401");
        if (hasPathId) Add(operation, context, "404");
        if (hasBody) Add(operation, context, "413");
        if (isWrite && isApi)
        {
            var notJson = Add(operation, context, "415");
            if (!hasBody) notJson.Description = NotJsonWithoutBody;
        }
        if (isApi) WithRetryAfter(Add(operation, context, "429"));
        if (isWrite || !isHealth)
        {
            var busy = Add(operation, context, "503");
            if (!isWrite) busy.Description = StartingOnly;
            WithRetryAfter(busy);
        }
        foreach (var (status, response) in operation.Responses)
            if (status.StartsWith('4') && response is OpenApiResponse refusal) Describe(status, refusal);
        return Task.CompletedTask;
    }

    private static readonly Dictionary<string, string> Meanings = new(StringComparer.Ordinal)
    {
        ["400"] = "The request is not valid: a malformed body, parameter or header, or a field a rule refuses (see `errors`).",
        ["401"] = "Not signed in: no credentials (`auth.required`), or an unknown, expired or revoked API token (`auth.token_invalid`); " +
                  "the answer carries `WWW-Authenticate: Bearer`. See ADR 0019.",
        ["403"] = "The caller's roles do not hold the permission the operation needs (`permission.<name>`, docs/permissions.md).",
        ["404"] = "Nothing has the id (or code) in the path.",
        ["409"] = "Refused by a business rule (the `code` names it, e.g. `order.command_not_allowed`), or a duplicate code.",
        ["412"] = "If-Match names an older version than the resource's (`concurrency.stale_version`): read it again.",
        ["413"] = "The body is larger than 1 MiB (`request.too_large`).",
        ["415"] = "The request is not sent as `Content-Type: application/json` (`request.content_type_not_json`): every change under " +
                  "/api must be, so that a page on another site cannot make a browser send it (ADR 0020).",
        ["429"] = "This caller sent more requests in the minute than `Orderly:RateLimits` allows (`request.rate_limited`); retry " +
                  "after `Retry-After` seconds.",
        ["422"] = "The Idempotency-Key was used before with another body (`idempotency.key_reused`).",
        ["423"] = "Too many failed sign-ins: the user is locked out for a while (`auth.locked_out`); retry after `Retry-After` seconds.",
        ["503"] = "The write waited too long for its turn (`write_queue.timeout`), the database stayed busy (`database.busy`), other " +
                  "server instances kept changing the same records first (`database.conflict`), or the " +
                  "server is still preparing its database at start (`server.starting`); retry after `Retry-After` seconds.",
    };

    private const string NotJsonWithoutBody = "This operation takes no body, but must still carry `Content-Type: application/json` " +
        "(with an empty body, or `{}`); without it, or with a form or text type, it is refused (`request.content_type_not_json`): " +
        "a page on another site cannot make a browser send that type without asking first (ADR 0020).";

    private const string StartingOnly = "The server is still preparing its database at start (`server.starting`); retry after `Retry-After` seconds.";

    /// <summary>The bare reason phrases the framework writes, which <see cref="Meanings"/> replaces.</summary>
    private static readonly HashSet<string> ReasonPhrases = new(StringComparer.Ordinal)
    {
        "Bad Request", "Unauthorized", "Forbidden", "Not Found", "Conflict", "Precondition Failed", "Unprocessable Entity", "Payload Too Large", "Content Too Large",
        "Unsupported Media Type", "Too Many Requests",
    };

    private static OpenApiResponse Add(OpenApiOperation operation, OpenApiOperationTransformerContext context, string status)
    {
        if (operation.Responses!.TryGetValue(status, out var existing) && existing is OpenApiResponse known) return known;
        var response = new OpenApiResponse
        {
            Description = Meanings[status],
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(DocumentFacts.ProblemSchema, context.Document) },
            },
        };
        operation.Responses[status] = response;
        return response;
    }

    private static void WithRetryAfter(OpenApiResponse response)
    {
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers["Retry-After"] = new OpenApiHeader
        {
            Description = "Seconds to wait before retrying.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "0" },
        };
    }

    /// <summary>Replaces the bare reason phrase (<c>Conflict</c>) the framework writes with what the status means here.</summary>
    private static void Describe(string status, OpenApiResponse response)
    {
        if (Meanings.TryGetValue(status, out var meaning) && (response.Description is null || ReasonPhrases.Contains(response.Description)))
            response.Description = meaning;
    }
}
