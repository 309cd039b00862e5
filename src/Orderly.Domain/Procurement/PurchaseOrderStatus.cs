namespace Orderly.Domain.Procurement;

public enum PurchaseOrderStatus
{
    Draft,
    Sent,
    Confirmed,
    PartiallyReceived,
    Received,
    Cancelled,
}

public enum PurchaseOrderCommand
{
    Send,
    Confirm,
    Receive,
    Cancel,
}
