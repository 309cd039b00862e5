using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orderly.Application.Workflow;

namespace Orderly.Application.Persistence;

/// <summary>The workflow tables of migrations 0018, 0019 and 0020 (issue 11); steps stored by name.</summary>
internal sealed class WorkItemMap : IEntityTypeConfiguration<WorkItem>
{
    public void Configure(EntityTypeBuilder<WorkItem> e)
    {
        e.ToTable("work_items").HasKey(x => x.Id);
        e.Ignore(x => x.IsOpen);
        e.Ignore(x => x.IsException);
        e.HasOne(x => x.Exception).WithMany().HasForeignKey(x => x.ExceptionId);
    }
}

internal sealed class WorkEventMap : IEntityTypeConfiguration<WorkEvent>
{
    public void Configure(EntityTypeBuilder<WorkEvent> e)
    {
        e.ToTable("work_events").HasKey(x => x.Id);
        e.HasOne(x => x.Item).WithMany().HasForeignKey(x => x.WorkItemId);
    }
}

internal sealed class SlaDefinitionMap : IEntityTypeConfiguration<SlaDefinition>
{
    public void Configure(EntityTypeBuilder<SlaDefinition> e)
    {
        e.ToTable("sla_definitions").HasKey(x => x.Id);
        e.Ignore(x => x.Terms);
    }
}

internal sealed class StoredCalendarMap : IEntityTypeConfiguration<StoredCalendar>
{
    public void Configure(EntityTypeBuilder<StoredCalendar> e) => e.ToTable("business_calendars").HasKey(x => x.Code);
}

internal sealed class DepartmentMap : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> e) => e.ToTable("departments").HasKey(x => x.Name);
}

internal sealed class NotificationMap : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e) => e.ToTable("notifications").HasKey(x => x.Id);
}

internal sealed class WorkQueueCountMap : IEntityTypeConfiguration<WorkQueueCount>
{
    public void Configure(EntityTypeBuilder<WorkQueueCount> e) => e.ToTable("work_queue_counts").HasKey(x => new { x.Department, x.Step });
}

internal sealed class WorkStepDayMap : IEntityTypeConfiguration<WorkStepDay>
{
    public void Configure(EntityTypeBuilder<WorkStepDay> e) => e.ToTable("work_step_days").HasKey(x => new { x.Day, x.Step, x.Bucket });
}

internal sealed class WorkBackfillEntryMap : IEntityTypeConfiguration<WorkBackfillEntry>
{
    public void Configure(EntityTypeBuilder<WorkBackfillEntry> e) => e.ToTable("work_backfill_queue").HasKey(x => x.OrderId);
}

internal sealed class OrderExceptionMap : IEntityTypeConfiguration<OrderException>
{
    public void Configure(EntityTypeBuilder<OrderException> e)
    {
        e.ToTable("order_exceptions").HasKey(x => x.Id);
        e.Ignore(x => x.IsOpen);
    }
}

internal sealed class OrderExceptionNoteMap : IEntityTypeConfiguration<OrderExceptionNote>
{
    public void Configure(EntityTypeBuilder<OrderExceptionNote> e) => e.ToTable("order_exception_notes").HasKey(x => x.Id);
}

internal sealed class AllocationRuleMap : IEntityTypeConfiguration<AllocationRule>
{
    public void Configure(EntityTypeBuilder<AllocationRule> e)
    {
        e.ToTable("allocation_rules").HasKey(x => x.Id);
        e.Ignore(x => x.NeedsRegion);
        e.Ignore(x => x.NeedsProductLines);
        e.Property(x => x.People).HasConversion(
            people => JsonSerializer.Serialize(people, (JsonSerializerOptions?)null),
            json => JsonSerializer.Deserialize<List<Guid>>(json, (JsonSerializerOptions?)null) ?? new List<Guid>(),
            new ValueComparer<List<Guid>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, g) => HashCode.Combine(h, g)), v => v.ToList()));
    }
}
