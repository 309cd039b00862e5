using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Catalog;
using Orderly.Domain.Common;
using Orderly.Domain.Customers;
using Orderly.Domain.Sales;

namespace Orderly.Application.Sales;

/// <summary>
/// Turns the lines a client sent into order line terms, or refuses them all at once with field errors: unknown SKU,
/// quantity not above zero or finer than the unit allows, a price in another currency, too many lines.
/// </summary>
internal sealed class OrderEntry(OrderlyDbContext db)
{

    public async Task<Customer> CustomerAsync(Guid? id, string? code, CancellationToken ct)
    {
        Customer? customer = null;
        if (id is { } customerId)
            customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == CustomerId.From(customerId), ct);
        else if (!string.IsNullOrWhiteSpace(code))
            customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Code == code.Trim(), ct);
        if (customer is not null) return customer;

        var field = id is null ? "customerCode" : "customerId";
        var message = id is null && string.IsNullOrWhiteSpace(code)
            ? "Name the customer by 'customerId' or 'customerCode'."
            : $"No customer has {(id is null ? $"code '{code}'" : $"id {id}")}.";
        throw InvalidInput.ForField(field, "order.customer_unknown", message);
    }

    public async Task<IReadOnlyList<OrderLineTerms>> LinesAsync(Customer customer, IReadOnlyList<OrderLineRequest>? lines, CancellationToken ct)
    {
        lines ??= [];
        if (lines.Count > SalesOrder.MaxLines)
            throw InvalidInput.ForField("lines", "order.too_many_lines",
                $"An order has at most {SalesOrder.MaxLines} lines; this one has {lines.Count}. Split it into several orders.");

        var skus = lines.Select(l => l?.Sku?.Trim()).OfType<string>().Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => skus.Contains(p.Sku)).ToDictionaryAsync(p => p.Sku, ct);
        var errors = new FieldErrors();
        var terms = new List<OrderLineTerms>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line is null)
            {
                errors.Add($"lines[{i}]", "A line cannot be null.");
                continue;
            }
            if (Check(line, i, customer, products, errors) is { } product)
                terms.Add(new OrderLineTerms(product.Id, product.Sku, product.Name, product.Unit, product.UnitDecimals, line.Quantity,
                    line.UnitPrice ?? product.ListPrice, product.ListPrice, product.MaxDiscountPercent, product.TaxRate));
        }
        errors.ThrowIfAny("order.invalid", "The order cannot be taken as sent; see the field errors.");
        return terms;
    }

    private static Product? Check(OrderLineRequest line, int i, Customer customer, Dictionary<string, Product> products, FieldErrors errors)
    {
        var at = $"lines[{i}]";
        if (string.IsNullOrWhiteSpace(line.Sku) || !products.TryGetValue(line.Sku.Trim(), out var product))
        {
            errors.Add($"{at}.sku", $"No product has SKU '{line.Sku}'.");
            return null;
        }
        var ok = LineTermsRules.QuantityFits(errors, $"{at}.quantity", line.Quantity, product);
        ok &= LineTermsRules.UnitPriceFits(errors, $"{at}.unitPrice", line.UnitPrice);
        if (product.Currency != customer.Currency)
            ok = Fail(errors, $"{at}.sku",
                $"{product.Sku} is priced in {product.Currency} but customer {customer.Code} buys in {customer.Currency}.");
        return ok ? product : null;
    }

    private static bool Fail(FieldErrors errors, string field, string message)
    {
        errors.Add(field, message);
        return false;
    }
}
