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
    /// <summary>
    /// The customer an order is placed for. A customer or dealer user (<see cref="Caller.SeesOnlyOwn"/>) orders for its own
    /// customer only: naming none means its own; naming another (by id or code, existing or not) is 400
    /// <c>order.customer_not_yours</c>, the same answer either way, so it learns nothing of other customers (ADR 0021).
    /// </summary>
    public async Task<Customer> CustomerAsync(Guid? id, string? code, Caller caller, CancellationToken ct)
    {
        if (caller.SeesOnlyOwn) return await OwnCustomerAsync(id, code, caller, ct);
        Customer? customer = null;
        if (id is { } customerId)
            customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == CustomerId.From(customerId), ct);
        else if (!string.IsNullOrWhiteSpace(code))
            customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Code == code.Trim(), ct);
        return Named(customer, id, code);
    }

    private async Task<Customer> OwnCustomerAsync(Guid? id, string? code, Caller caller, CancellationToken ct)
    {
        var own = caller.OwnCustomer is { } linked ? await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == linked, ct) : null;
        var field = id is null ? "customerCode" : "customerId";
        if (own is null)
            throw InvalidInput.ForField(field, "order.customer_not_yours",
                "Your user is not linked to a customer record, so it cannot place orders. Ask an administrator to make you a user of your customer (POST /api/users with customerCode).");
        if ((id is { } named && named != own.Id.Value) || (!string.IsNullOrWhiteSpace(code) && code.Trim() != own.Code))
            throw InvalidInput.ForField(field, "order.customer_not_yours",
                $"You order for your own customer {own.Code} only. Leave customerId and customerCode out, or name {own.Code}.");
        return own;
    }

    public async Task<IReadOnlyList<OrderLineTerms>> LinesAsync(Customer customer, IReadOnlyList<OrderLineRequest>? lines, CancellationToken ct)
    {
        lines ??= [];
        EnsureFewEnoughLines(lines);
        return Terms(customer, lines, await ProductsAsync(lines, ct));
    }

    /// <summary>Every customer a batch of orders names (by id or by code), in two queries, for <see cref="Customer"/>.</summary>
    public async Task<CustomerDirectory> CustomersAsync(IEnumerable<PlaceOrderRequest?> orders, CancellationToken ct)
    {
        var named = orders.OfType<PlaceOrderRequest>().ToList();
        var ids = named.Select(o => o.CustomerId).OfType<Guid>().Distinct().Select(CustomerId.From).ToList();
        var codes = named.Where(o => o.CustomerId is null).Select(o => o.CustomerCode?.Trim()).OfType<string>().Distinct().ToList();
        var byId = ids.Count == 0 ? new Dictionary<Guid, Customer>() : await db.Customers.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id.Value, ct);
        var byCode = codes.Count == 0 ? new Dictionary<string, Customer>() : await db.Customers.AsNoTracking().Where(c => codes.Contains(c.Code)).ToDictionaryAsync(c => c.Code, ct);
        return new CustomerDirectory(byId, byCode);
    }

    /// <summary>The customer named by id or code (both must agree), from a directory loaded once for a batch.</summary>
    public static Customer Customer(CustomerDirectory directory, Guid? id, string? code)
    {
        Customer? customer = null;
        if (id is { } customerId) directory.ById.TryGetValue(customerId, out customer);
        else if (!string.IsNullOrWhiteSpace(code)) directory.ByCode.TryGetValue(code.Trim(), out customer);
        return Named(customer, id, code);
    }

    /// <summary>The customer found, once a code sent beside the id is known to name the same one (<see cref="NamedTwice"/>).</summary>
    private static Customer Named(Customer? customer, Guid? id, string? code)
    {
        if (customer is null) throw UnknownCustomer(id, code);
        if (id is { } named) NamedTwice.EnsureAgree("customer", "customerId", named, "customerCode", code, customer.Code);
        return customer;
    }

    /// <summary>The products of every SKU these lines name, in one query.</summary>
    public async Task<Dictionary<string, Product>> ProductsAsync(IEnumerable<OrderLineRequest?> lines, CancellationToken ct)
    {
        var skus = lines.Select(l => l?.Sku?.Trim()).OfType<string>().Distinct().ToList();
        return await db.Products.AsNoTracking().Where(p => skus.Contains(p.Sku)).ToDictionaryAsync(p => p.Sku, ct);
    }

    /// <summary>Checks the lines against already loaded products: the same rules for one order and for a batch.</summary>
    public static IReadOnlyList<OrderLineTerms> Terms(Customer customer, IReadOnlyList<OrderLineRequest>? lines,
        IReadOnlyDictionary<string, Product> products)
    {
        lines ??= [];
        EnsureFewEnoughLines(lines);
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

    private static void EnsureFewEnoughLines(IReadOnlyList<OrderLineRequest> lines)
    {
        if (lines.Count > SalesOrder.MaxLines)
            throw InvalidInput.ForField("lines", "order.too_many_lines",
                $"An order has at most {SalesOrder.MaxLines} lines; this one has {lines.Count}. Split it into several orders.");
    }

    private static InvalidInput UnknownCustomer(Guid? id, string? code)
    {
        var field = id is null ? "customerCode" : "customerId";
        var message = id is null && string.IsNullOrWhiteSpace(code)
            ? "Name the customer by 'customerId' or 'customerCode'."
            : $"No customer has {(id is null ? $"code '{code}'" : $"id {id}")}.";
        return InvalidInput.ForField(field, "order.customer_unknown", message);
    }

    private static Product? Check(OrderLineRequest line, int i, Customer customer, IReadOnlyDictionary<string, Product> products, FieldErrors errors)
    {
        var at = $"lines[{i}]";
        if (string.IsNullOrWhiteSpace(line.Sku) || !products.TryGetValue(line.Sku.Trim(), out var product))
        {
            errors.Add($"{at}.sku", $"No product has SKU '{line.Sku}'.");
            return null;
        }
        var ok = LineTermsRules.QuantityFits(errors, $"{at}.quantity", line.Quantity, product);
        ok &= LineTermsRules.UnitPriceFits(errors, $"{at}.unitPrice", line.UnitPrice, product.ListPrice);
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

/// <summary>Customers loaded once for a batch of orders, by id and by code.</summary>
internal sealed record CustomerDirectory(IReadOnlyDictionary<Guid, Customer> ById, IReadOnlyDictionary<string, Customer> ByCode);
