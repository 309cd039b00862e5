using System.Reflection;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Orderly.Application.Idempotency;
using Orderly.Server.Http;

namespace Orderly.Server.OpenApi;

/// <summary>
/// Documents the headers an operation reads (see <c>Http/RequestContext.cs</c>) and the ones it answers with:
/// <c>Idempotency-Key</c> (and <c>Idempotent-Replayed</c>) on operations that run
/// through <see cref="Idempotent"/>, found from the handler's parameters; <c>If-Match</c> and <c>ETag</c> on operations
/// marked with <see cref="OrderlyContract.HonoursIfMatch"/>, and <c>ETag</c> alone on those marked <see cref="OrderlyContract.ReturnsETag"/>.
/// </summary>
internal sealed class RequestHeaders : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var handler = metadata.OfType<MethodInfo>().FirstOrDefault()?.GetParameters() ?? [];
        var idempotent = handler.Any(p => p.ParameterType == typeof(Idempotent));
        var ifMatch = metadata.OfType<OrderlyContract.IfMatchHonoured>().Any();
        var etag = metadata.OfType<OrderlyContract.ETagReturned>().Any();

        operation.Parameters ??= [];
        if (idempotent)
            operation.Parameters.Add(Header("Idempotency-Key",
                "Makes a retry safe: the first answer under a key is stored with its effect and replayed for the same body " +
                "(with `Idempotent-Replayed: true`); another body under the same key is a 422 `idempotency.key_reused`.",
                new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotentRequests.MaxKeyLength }));
        if (ifMatch)
            operation.Parameters.Add(Header("If-Match",
                "The ETag of the resource as read (`\"5\"` or `W/\"5\"`); a stale one is refused with 412 `concurrency.stale_version`. " +
                "Absent or `*`: no check.",
                new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^(\\*|(W/)?\"[0-9]+\")$" }));

        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (!status.StartsWith('2') || response is not OpenApiResponse success) continue;
            success.Headers ??= new Dictionary<string, IOpenApiHeader>();
            if (etag) success.Headers["ETag"] = ResponseHeader("The resource's version, to send back as If-Match.");
            if (idempotent) success.Headers[Idempotent.ReplayedHeader] = ResponseHeader("`true` when this is the stored answer to an earlier request with the same Idempotency-Key.");
        }
        return Task.CompletedTask;
    }

    private static OpenApiParameter Header(string name, string description, OpenApiSchema schema) =>
        new() { Name = name, In = ParameterLocation.Header, Required = false, Description = description, Schema = schema };

    private static OpenApiHeader ResponseHeader(string description) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
}
