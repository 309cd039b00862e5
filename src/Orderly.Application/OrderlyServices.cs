using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Orderly.Application.Billing;
using Orderly.Application.Catalog;
using Orderly.Application.Common;
using Orderly.Application.Customers;
using Orderly.Application.Fulfilment;
using Orderly.Application.Idempotency;
using Orderly.Application.Inventory;
using Orderly.Application.Persistence;
using Orderly.Application.Procurement;
using Orderly.Application.Sales;

namespace Orderly.Application;

/// <summary>Wires the application: the database and every use case, one scope per request.</summary>
public static class OrderlyServices
{
    public static IServiceCollection AddOrderly(this IServiceCollection services, string connectionString, OrderlyOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddDbContext<OrderlyDbContext>(db => db.UseSqlite(WithDefaults(connectionString),
            sqlite => sqlite.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)));
        services.AddScoped<DocumentNumbers>();
        services.AddScoped<IdempotentRequests>();
        services.AddScoped<StockLedger>();
        services.AddScoped<CustomerUseCases>();
        services.AddScoped<ProductUseCases>();
        services.AddScoped<WarehouseUseCases>();
        services.AddScoped<StockUseCases>();
        services.AddScoped<OrderStore>();
        services.AddScoped<OrderUseCases>();
        services.AddScoped<OrderImport>();
        services.AddScoped<OrderReservations>();
        services.AddScoped<OrderCommands>();
        services.AddScoped<ShipmentUseCases>();
        services.AddScoped<InvoiceUseCases>();
        services.AddScoped<SourcingOptions>();
        services.AddScoped<SupplierUseCases>();
        services.AddScoped<PurchaseOrderStore>();
        services.AddScoped<PurchaseOrderUseCases>();
        services.AddScoped<PurchaseOrderCommands>();
        services.AddScoped<GoodsReceiptUseCases>();
        services.AddScoped<Backorders>();
        services.AddScoped<PromiseDates>();
        services.AddScoped<DocumentFlow>();
        services.AddScoped<Replenishment.ReorderPolicyUseCases>();
        services.AddScoped<Replenishment.AlertUseCases>();
        services.AddScoped<Replenishment.ReplenishmentScan>();
        return services;
    }

    /// <summary>Foreign keys on, and a generous busy timeout so concurrent writers queue instead of failing.</summary>
    private static string WithDefaults(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true };
        if (builder.DefaultTimeout == 30) builder.DefaultTimeout = 60;
        return builder.ToString();
    }
}
