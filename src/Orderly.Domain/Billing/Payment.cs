using Orderly.Domain.Common;

namespace Orderly.Domain.Billing;

/// <summary>Money received against one invoice.</summary>
public sealed class Payment
{
    private Payment() { }

    public long Id { get; private set; }
    public InvoiceId InvoiceId { get; private set; }
    public decimal Amount { get; private set; }
    public DateOnly ReceivedOn { get; private set; }
    public string Reference { get; private set; } = "";
    public string RecordedBy { get; private set; } = "";
    public DateTimeOffset RecordedAt { get; private set; }

    internal static Payment Receive(InvoiceId invoice, decimal amount, DateOnly receivedOn, string reference, string actor, DateTimeOffset now) =>
        new() { InvoiceId = invoice, Amount = amount, ReceivedOn = receivedOn, Reference = reference.Trim(), RecordedBy = actor, RecordedAt = now };
}
