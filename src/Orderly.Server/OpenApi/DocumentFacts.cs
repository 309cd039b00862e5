using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Orderly.Server.OpenApi;

/// <summary>
/// What the whole document says: title, description, contact and licence; one fixed server (the default listen
/// address, never the address a request came in on, so the committed copy does not depend on who asked); a description
/// per tag; and the Problem Details schema every refusal uses, with the stable <c>code</c>, the field <c>errors</c> and
/// the <c>traceId</c> that <c>Http/Problems.cs</c> writes (ADR 0007).
/// </summary>
internal sealed class DocumentFacts : IOpenApiDocumentTransformer
{
    public const string ProblemSchema = "ProblemDetails";

    private static readonly Dictionary<string, string> Tags = new(StringComparer.Ordinal)
    {
        ["Operations"] = "Liveness and database reachability.",
        ["Customers"] = "Customers with their currency, credit limit and payment terms.",
        ["Products"] = "Sellable items: unit and its decimals, list price, tax rate, discount ceiling.",
        ["Warehouses"] = "Warehouses and the priority stock is drawn from them in.",
        ["Stock"] = "Stock levels per warehouse and SKU, receipts, counts and the movement ledger.",
        ["Orders"] = "Sales orders from receipt to close: entry, review, the lifecycle commands, history, backorders and the document flow.",
        ["Shipments"] = "Shipments: reserved stock leaving the warehouses, in parts if need be.",
        ["Invoices"] = "Invoices of what shipped, rounded per currency, and the payments against them.",
        ["Procurement"] = "Suppliers with their offers, purchase orders and goods receipts.",
        ["Replenishment"] = "Reorder policies, the replenishment scan, and the low-stock and late-delivery alerts it raises.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "Orderly",
            Version = "1.0.0",
            Description = "Orderly, an order management system: sales orders from receipt to close (review, reservation, shipment, " +
                          "invoice, payment), stock over several warehouses, suppliers, purchase orders and replenishment. " +
                          "Money is written at its currency's minor unit, quantities at their unit's decimals. Every refusal is " +
                          "RFC 9457 Problem Details with a stable `code`.",
            Contact = new OpenApiContact { Name = "Orderly maintainers", Url = new Uri("https://orderly.example/support") },
            License = new OpenApiLicense { Name = "Proprietary", Url = new Uri("https://orderly.example/licence") },
        };
        document.Servers = [new OpenApiServer { Url = "http://localhost:5000", Description = "The default listen address (change it with --urls)." }];
        var used = document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []).SelectMany(o => o.Tags?.AsEnumerable() ?? [])
            .Select(t => t.Name).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        document.Tags = new HashSet<OpenApiTag>(used.Select(name => new OpenApiTag
        {
            Name = name,
            Description = Tags.GetValueOrDefault(name, $"Operations on {name.ToLowerInvariant()}."),
        }));
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = Problem();
        return Task.CompletedTask;
    }

    private static OpenApiSchema Problem() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 9457 Problem Details. `code` names the refusal and stays stable; `errors` lists what is wrong per field " +
                      "(for 400s, e.g. `lines[2].quantity`); quote `traceId` when reporting a 500.",
        Required = new HashSet<string> { "type", "title", "status", "detail", "code" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri", Description = "https://orderly.example/problems/{code}" },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The kind of refusal, in a few words." },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Minimum = "400", Maximum = "599" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "What happened and what to do, for a person." },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["code"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Pattern = "^[a-z0-9_]+(\\.[a-z0-9_]+)+$",
                Description = "Stable code of the rule or check that refused, e.g. `order.credit_limit_exceeded`, `request.malformed`.",
                Examples = [JsonValue.Create("order.command_not_allowed")],
            },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Messages per field (JSON path without `$.`, or a header name); only on 400s about fields.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
            ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The request's trace id, also in the server log." },
        },
    };
}
