using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Orderly.Application.Events;

namespace Orderly.Application.Persistence;

internal sealed class BusinessEventMap : IEntityTypeConfiguration<BusinessEvent>
{
    public void Configure(EntityTypeBuilder<BusinessEvent> e)
    {
        e.ToTable("business_events");
        e.HasKey(x => x.Id);
    }
}

internal sealed class WebhookSubscriptionMap : IEntityTypeConfiguration<Webhooks.WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<Webhooks.WebhookSubscription> e)
    {
        e.ToTable("webhook_subscriptions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Status).HasConversion<string>();
        e.Ignore(x => x.Types);
    }
}

internal sealed class WebhookDeliveryMap : IEntityTypeConfiguration<Webhooks.WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<Webhooks.WebhookDelivery> e)
    {
        e.ToTable("webhook_deliveries");
        e.HasKey(x => x.Id);
        e.Property(x => x.Status).HasConversion<string>();
        e.Ignore(x => x.Finished);
    }
}

internal sealed class WebhookAttemptMap : IEntityTypeConfiguration<Webhooks.WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<Webhooks.WebhookAttempt> e)
    {
        e.ToTable("webhook_attempts");
        e.HasKey(x => x.Id);
    }
}

internal sealed class WebhookDispatchPositionMap : IEntityTypeConfiguration<Webhooks.WebhookDispatchPosition>
{
    public void Configure(EntityTypeBuilder<Webhooks.WebhookDispatchPosition> e)
    {
        e.ToTable("webhook_dispatch_position");
        e.HasKey(x => x.Name);
    }
}
