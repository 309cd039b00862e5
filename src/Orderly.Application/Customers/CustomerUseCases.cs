using Microsoft.EntityFrameworkCore;
using Orderly.Application.Common;
using Orderly.Application.Persistence;
using Orderly.Domain.Common;
using Orderly.Domain.Customers;

namespace Orderly.Application.Customers;

/// <summary>Body of <c>POST /api/customers</c>; <c>region</c> is the sales region (up to 64 characters; allocation rules select on it).</summary>
public sealed record RegisterCustomerRequest(string Code, string Name, string Currency, decimal CreditLimit, int PaymentTermsDays,
    string? PreferredWarehouseCode = null, string? Region = null);

/// <summary>Body of <c>PUT /api/customers/{id}/region</c>: the sales region (up to 64 characters; empty or null for none).</summary>
public sealed record PutRegionRequest(string? Region);

/// <summary>A customer; <c>region</c> empty when none is set.</summary>
public sealed record CustomerView(Guid Id, string Code, string Name, string Currency, decimal CreditLimit, int PaymentTermsDays,
    Guid? PreferredWarehouseId, string Region)
{
    public static CustomerView Of(Customer c) =>
        new(c.Id.Value, c.Code, c.Name, c.Currency, NumberForm.Money(c.CreditLimit, c.Currency), c.PaymentTermsDays, c.PreferredWarehouseId?.Value, c.Region);
}

/// <summary>Registers customers and reads them back.</summary>
public sealed class CustomerUseCases(OrderlyDbContext db, TimeProvider clock)
{
    public async Task<CustomerView> RegisterAsync(RegisterCustomerRequest request, CancellationToken ct)
    {
        var customer = Customer.Register(request.Code, request.Name, request.Currency, request.CreditLimit, request.PaymentTermsDays, clock.GetUtcNow());
        customer.PlaceInRegion(request.Region);
        return await db.InTransactionAsync(async () =>
        {
            if (await db.Customers.AnyAsync(c => c.Code == customer.Code, ct))
                throw new BusinessRuleViolation("customer.code_taken", $"A customer with code '{customer.Code}' already exists.");
            if (!string.IsNullOrWhiteSpace(request.PreferredWarehouseCode))
            {
                var warehouse = await db.Warehouses.AsNoTracking().SingleOrDefaultAsync(w => w.Code == request.PreferredWarehouseCode.Trim(), ct)
                    ?? throw InvalidInput.ForField("preferredWarehouseCode", "customer.invalid", $"No warehouse has code '{request.PreferredWarehouseCode}'.");
                customer.PreferWarehouse(warehouse.Id);
            }
            db.Customers.Add(customer);
            await db.SaveChangesAsync(ct);
            return CustomerView.Of(customer);
        }, ct);
    }

    /// <summary>Moves the customer to another sales region; allocation rules by region apply to steps that open afterwards. 404 <c>customer.not_found</c>; 400 <c>customer.invalid</c>.</summary>
    public Task<CustomerView> PlaceInRegionAsync(Guid id, PutRegionRequest body, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var customer = await db.Customers.SingleOrDefaultAsync(c => c.Id == CustomerId.From(id), ct) ?? throw NotFoundError(id);
        customer.PlaceInRegion(body.Region);
        await db.SaveChangesAsync(ct);
        return CustomerView.Of(customer);
    }, ct);

    public async Task<CustomerView> GetAsync(Guid id, CancellationToken ct) =>
        CustomerView.Of(await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == CustomerId.From(id), ct)
            ?? throw NotFoundError(id));

    public async Task<IReadOnlyList<CustomerView>> ListAsync(CancellationToken ct) =>
        (await db.Customers.AsNoTracking().OrderBy(c => c.Code).ToListAsync(ct)).Select(CustomerView.Of).ToList();

    private static NotFound NotFoundError(Guid id) => new("customer.not_found", $"No customer has id {id}.");
}
