using Orderly.Application.Persistence;
using Orderly.Domain.Common;

namespace Orderly.Application.Workflow;

/// <summary>
/// What the workflow reads once per unit of work (one <see cref="OrderlyDbContext"/>, dropped with it and when it runs
/// again after a rollback), however many saves it makes: the SLA definitions, the calendars and departments, and which
/// orders already have all their work items tracked, the allocation rules and what they read of customers and products, so that a second save of the same order (submit saves twice) reads
/// none of them again.
/// </summary>
internal sealed class WorkSession(OrderlyDbContext db, TimeZoneInfo zone)
{
    public WorkCalendars Calendars { get; } = new(db, zone);

    public List<SlaDefinition>? Definitions { get; set; }

    /// <summary>The allocation rules in evaluation order.</summary>
    public List<AllocationRule>? AllocationRules { get; set; }

    /// <summary>Customers' regions and products' lines read for rules that ask for them.</summary>
    public Dictionary<CustomerId, string> Regions { get; } = [];

    public Dictionary<string, string> ProductLines { get; } = new(StringComparer.Ordinal);

    /// <summary>Orders whose every work item this unit of work has read or added (and so tracks).</summary>
    public HashSet<OrderId> ItemsTracked { get; } = [];
}
