using Orderly.Application.Billing;
using Orderly.Server.Http;

using Orderly.Server.OpenApi;
using Orderly.Domain.People;
using Orderly.Server.Permissions;

namespace Orderly.Server.Endpoints;

/// <summary>Invoices of an order and payments of an invoice.</summary>
internal static class BillingEndpoints
{
    public static void MapBilling(this IEndpointRouteBuilder app)
    {
        var ofOrder = app.MapGroup("/api/orders/{id:guid}/invoices").WithTags("Invoices");
        ofOrder.MapPost("/", async (Guid id, HttpRequest http, InvoiceUseCases uc, CancellationToken ct) =>
            {
                var invoice = await uc.InvoiceAsync(id, http.ExpectedVersion(), http.Actor(), ct);
                return TypedResults.Created($"/api/invoices/{invoice.Id}", invoice);
            })
            .WithName("InvoiceOrder").Requires(PermissionTable.OrdersInvoice).WithSummary("Invoice what has shipped").HonoursIfMatch().WithDescription("Invoices everything shipped and not yet invoiced.")
            .ProducesProblem(404).ProducesProblem(409).ProducesProblem(412);
        ofOrder.MapGet("/", (Guid id, InvoiceUseCases uc, CancellationToken ct) => uc.OfOrderAsync(id, ct))
            .WithName("ListOrderInvoices").Requires(PermissionTable.InvoicesRead).WithSummary("List an order's invoices")
            .WithDescription("The order's invoices by number, with their lines, amounts, payments and what is still open.").ProducesProblem(404);

        var invoices = app.MapGroup("/api/invoices").WithTags("Invoices");
        invoices.MapGet("/{id:guid}", (Guid id, InvoiceUseCases uc, CancellationToken ct) => uc.GetAsync(id, ct))
            .WithName("GetInvoice").Requires(PermissionTable.InvoicesRead).WithSummary("Read an invoice")
            .WithDescription("Lines, net, tax and total at the currency's minor unit, the payments and the open amount.").ProducesProblem(404);
        invoices.MapGet("/{id:guid}/payments", (Guid id, InvoiceUseCases uc, CancellationToken ct) => uc.PaymentsAsync(id, ct))
            .WithName("ListPayments").Requires(PermissionTable.InvoicesRead).WithSummary("List an invoice's payments")
            .WithDescription("The payments recorded against the invoice.").ProducesProblem(404);
        invoices.MapGet("/{id:guid}/payments/{paymentId:long}", (Guid id, long paymentId, InvoiceUseCases uc, CancellationToken ct) =>
                uc.PaymentAsync(id, paymentId, ct))
            .WithName("GetPayment").Requires(PermissionTable.InvoicesRead).WithSummary("Read one payment of an invoice")
            .WithDescription("One payment recorded against the invoice: where a recorded payment's Location leads. 404 when the invoice has no such payment.")
            .ProducesProblem(404);
        invoices.MapPost("/{id:guid}/payments", (Guid id, RecordPaymentRequest body, HttpRequest http, Idempotent once, InvoiceUseCases uc,
                CancellationToken ct) =>
                once.CreatedAsync(http, body, () => uc.RecordPaymentAsync(id, body, http.Actor(), ct),
                    p => $"/api/invoices/{id}/payments/{p.Id}", _ => null, ct))
            .WithName("RecordPayment").Requires(PermissionTable.OrdersRecordPayment).WithSummary("Record a payment against an invoice")
            .WithDescription("Records money received; partial payments are fine, overpayment is refused. Honours Idempotency-Key.")
            .Produces<PaymentView>(201).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(422);
    }
}
