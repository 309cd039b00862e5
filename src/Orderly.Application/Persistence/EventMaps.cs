using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orderly.Application.Events;
using Orderly.Application.Webhooks;

namespace Orderly.Application.Persistence;

/// <summary>The outbox and the webhook tables of migration 0012 (ADR 0015); statuses stored by name.</summary>
internal sealed class BusinessEventMap : IEntityTypeConfiguration<BusinessEvent>
{
    public void Configure(EntityTypeBuilder<BusinessEvent> e) => e.ToTable("business_events").HasKey(x => x.Id);
}

internal sealed class WebhookSubscriptionMap : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> e)
    {
        e.ToTable("webhook_subscriptions").HasKey(x => x.Id);
        e.Property(x => x.Status).HasConversion<string>();
        e.Ignore(x => x.Types);
    }
}

internal sealed class WebhookDeliveryMap : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> e)
    {
        e.ToTable("webhook_deliveries").HasKey(x => x.Id);
        e.Property(x => x.Status).HasConversion<string>();
        e.Ignore(x => x.Finished);
    }
}

internal sealed class WebhookAttemptMap : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> e) => e.ToTable("webhook_attempts").HasKey(x => x.Id);
}

internal sealed class WebhookDispatchPositionMap : IEntityTypeConfiguration<WebhookDispatchPosition>
{
    public void Configure(EntityTypeBuilder<WebhookDispatchPosition> e) => e.ToTable("webhook_dispatch_position").HasKey(x => x.Name);
}
