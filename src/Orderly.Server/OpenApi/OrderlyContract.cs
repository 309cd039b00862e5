using Microsoft.AspNetCore.OpenApi;

namespace Orderly.Server.OpenApi;

/// <summary>
/// Makes the served OpenAPI document (<c>/openapi/v1.json</c>, committed as docs/openapi.json) say what the server does:
/// decimals as decimals with their bounds, the allowed values of statuses and actions, Problem Details with
/// <c>code</c> and <c>errors</c>, the headers each operation reads, the refusals it can answer with, and how to sign in (<see cref="SecuritySchemes"/>). The endpoints
/// keep their summaries and descriptions; everything general lives in these transformers.
/// </summary>
internal static class OrderlyContract
{
    public static void AddOrderlyContract(this OpenApiOptions options)
    {
        options.AddDocumentTransformer<DocumentFacts>();
        options.AddSchemaTransformer<NumberSchemas>();
        options.AddSchemaTransformer<AllowedValues>();
        options.AddOperationTransformer<RequestHeaders>();
        options.AddOperationTransformer<RefusalResponses>();
        options.AddOperationTransformer<AllowedParameterValues>();
        options.AddDocumentTransformer<SecuritySchemes>();
        options.AddOperationTransformer<SecuritySchemes>();
    }

    /// <summary>Marks an endpoint that checks <c>If-Match</c> against the resource's ETag (412 <c>concurrency.stale_version</c>).</summary>
    public static RouteHandlerBuilder HonoursIfMatch(this RouteHandlerBuilder endpoint) => endpoint.WithMetadata(IfMatchHonoured.Instance);

    /// <summary>Marks an endpoint that answers with the resource's <c>ETag</c> (to send back as If-Match) without checking one.</summary>
    public static RouteHandlerBuilder ReturnsETag(this RouteHandlerBuilder endpoint) => endpoint.WithMetadata(ETagReturned.Instance);

    /// <summary>The marker <see cref="ReturnsETag"/> adds.</summary>
    internal sealed class ETagReturned
    {
        public static readonly ETagReturned Instance = new();
    }

    /// <summary>The marker <see cref="HonoursIfMatch"/> adds; <see cref="RequestHeaders"/> documents the header for it.</summary>
    internal sealed class IfMatchHonoured
    {
        public static readonly IfMatchHonoured Instance = new();
    }
}
