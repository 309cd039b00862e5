using Orderly.Application.Common;
using Orderly.Application.Customers;
using Orderly.Application.Persistence;
using Orderly.Application.Sales;
using Orderly.Domain.Common;

namespace Orderly.Application.Billing;

/// <summary>
/// A customer's account as finance reads it (issue 12 "Finance: open items per customer"): the credit limit, the credit
/// exposure — open receivables and open orders, in the customer's currency, as review weighs them (the kept
/// <c>customer_credit</c> row, migration 0009) — the room left under the limit (negative when over), and the open invoices, longest
/// due first, with how many days each is overdue on <see cref="Today"/> (business date). <see cref="More"/>: there are
/// more open invoices than shown.
/// </summary>
public sealed record OpenItemsView(CustomerRef Customer, string Currency, decimal CreditLimit, decimal OpenReceivables, decimal OpenOrders,
    decimal Room, DateOnly Today, IReadOnlyList<InvoiceView> Invoices, bool More);

/// <summary>
/// Reads <see cref="OpenItemsView"/>: the customer by code (400 <c>customer.unknown</c> on the field <c>customer</c>, also
/// for another customer's code to a customer user, ADR 0021), one read of the kept credit row, one page of open invoices.
/// </summary>
public sealed class OpenItems(OrderlyDbContext db, CustomerLookup customers, InvoiceUseCases invoices, OrderlyOptions options, BusinessClock clock)
{
    /// <summary>The open invoices shown at most.</summary>
    public const int MaxInvoices = 200;

    public async Task<OpenItemsView> OfCustomerAsync(string code, CancellationToken ct)
    {
        var customer = await customers.ByCodeAsync(code, ct)
                       ?? throw InvalidInput.ForField("customer", "customer.unknown", $"No customer has code '{code.Trim()}'. Use the customer's code, for example ALFKI.");
        var id = CustomerId.From(customer.Id);
        var account = await db.Customers.FindAsync([id], ct) ?? throw new InvalidOperationException($"Customer {customer.Code} vanished.");
        var credit = await CreditExposure.OfAsync(db, id, options.Rounding, ct);
        var open = await invoices.OpenOfCustomerAsync(id, MaxInvoices + 1, ct);
        var currency = Currency.Of(account.Currency);
        decimal Money(decimal amount) => NumberForm.Money(amount, currency);
        return new OpenItemsView(customer, account.Currency, Money(account.CreditLimit), Money(credit.OpenReceivables), Money(credit.OpenOrdersAmount),
            Money(account.CreditLimit - credit.OpenReceivables - credit.OpenOrdersAmount), clock.Today, [.. open.Take(MaxInvoices)], open.Count > MaxInvoices);
    }
}
