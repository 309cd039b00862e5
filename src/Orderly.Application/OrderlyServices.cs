using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
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

/// <summary>
/// Wires the application: the database (with its <see cref="WriteGate"/> and, per scope, <see cref="SqlStatements"/>)
/// and every use case, one scope per request.
/// </summary>
public static class OrderlyServices
{
    public static IServiceCollection AddOrderly(this IServiceCollection services, string connectionString, OrderlyOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(InstanceId.New());
        var zone = BusinessClock.ZoneNamed(options.BusinessTimeZone); // an unknown name stops the start here
        services.AddSingleton(sp => new BusinessClock(sp.GetRequiredService<TimeProvider>(), zone));
        services.AddSingleton(sp => new WriteGate(TimeSpan.FromSeconds(options.WriteQueueTimeoutSeconds), OrderlyMeter(sp), options.EffectiveWriteTurns));
        services.AddSingleton(sp => new ReservationConflicts(OrderlyMeter(sp)));
        services.AddSingleton(sp => new ConflictRetries(options.ConflictRetries, OrderlyMeter(sp)));
        services.AddScoped<SqlStatements>();
        // Jobs and the CLI act for no one in particular; the server replaces this with the request's caller (ADR 0021).
        services.AddScoped(_ => Caller.Unrestricted);
        services.AddSingleton<Events.EventSignal>();
        services.AddSingleton<Events.EventsCommitted>();
        services.AddDbContext<OrderlyDbContext>((scope, db) =>
        {
            db.UseOrderlyDatabase(options.Database, connectionString)
                .AddInterceptors(scope.GetRequiredService<SqlStatements>(), scope.GetRequiredService<Events.EventsCommitted>());
            // Logging every command costs time and buries the console; Orderly:LogSql turns it on.
            if (!options.LogSql) db.ConfigureWarnings(w => w.Ignore(RelationalEventId.CommandExecuted));
            // A failed command or save is not logged by EF Core as an error of its own: the exception reaches the caller,
            // which runs a lost race again (ADR 0017, counted in orderly.database.conflicts) or answers it, and a 500 is
            // logged once, with its trace id, by Http/Problems.
            db.ConfigureWarnings(w => w.Log((RelationalEventId.CommandError, LogLevel.Debug), (CoreEventId.SaveChangesFailed, LogLevel.Debug),
                (CoreEventId.QueryIterationFailed, LogLevel.Debug)));
        });
        if (options.LogSql) services.AddLogging(logging => logging.AddFilter(DbLoggerCategory.Database.Command.Name, LogLevel.Information));
        services.AddScoped<DocumentNumbers>();
        services.AddScoped<IdempotentRequests>();
        services.AddScoped<IdempotencyKeyPurge>();
        services.AddScoped<WorkerLease>();
        services.AddScoped<StockLedger>();
        services.AddScoped<CustomerUseCases>();
        services.AddScoped<CustomerLookup>();
        services.AddScoped<Billing.OpenItems>();
        services.AddScoped<People.UserUseCases>();
        services.AddScoped<People.OwnPassword>();
        services.AddScoped<SavedViews>();
        services.AddScoped<People.ApiTokenUseCases>();
        services.AddScoped<Microsoft.AspNetCore.Identity.IUserStore<People.OrderlyUser>, People.UserStore>();
        services.AddScoped<ProductUseCases>();
        services.AddScoped<WarehouseUseCases>();
        services.AddScoped<StockUseCases>();
        services.AddScoped<OrderStore>();
        services.AddScoped<OrderUseCases>();
        services.AddScoped<CustomerTracking>();
        services.AddScoped<OrderList>();
        services.AddScoped<OrderPreview>();
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
        services.AddScoped<PromiseQueue>();
        services.AddScoped<PromiseRefresher>();
        services.AddSingleton<PromiseQueueSignal>();
        services.AddScoped<DocumentFlow>();
        services.AddScoped<Replenishment.ReorderPolicyUseCases>();
        services.AddScoped<Replenishment.AlertUseCases>();
        services.AddScoped<Replenishment.AlertResolution>();
        services.AddScoped<Replenishment.ReplenishmentScan>();
        services.AddScoped<Events.EventStream>();
        services.AddScoped<Audit.AuditLog>();
        services.AddScoped<Webhooks.WebhookUseCases>();
        services.AddScoped<Webhooks.WebhookDeliveries>();
        services.AddScoped<Webhooks.WebhookDispatch>();
        services.AddScoped<Workflow.WorkQueues>();
        services.AddScoped<Workflow.WorkActions>();
        services.AddScoped<Workflow.OrderWork>();
        services.AddScoped<Workflow.Notifications>();
        services.AddScoped<Workflow.SlaDefinitions>();
        services.AddScoped<Workflow.AllocationRules>();
        services.AddScoped<Workflow.CalendarUseCases>();
        services.AddScoped<Workflow.Departments>();
        services.AddScoped<Workflow.SlaWatch>();
        services.AddScoped<Insights.ProcessFigures>();
        services.AddScoped<Insights.OrderBookFigures>();
        services.AddScoped<Workflow.OrderExceptions>();
        return services;
    }

    /// <summary>The "Orderly" meter of this service provider (the factory hands out one per name), or a free one without a factory.</summary>
    public static Meter OrderlyMeter(IServiceProvider services) =>
        services.GetService<IMeterFactory>()?.Create(WriteGate.MeterName) ?? new Meter(WriteGate.MeterName);
}
