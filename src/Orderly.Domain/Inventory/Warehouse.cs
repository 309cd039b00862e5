using Orderly.Domain.Common;

namespace Orderly.Domain.Inventory;

/// <summary>A place stock is kept. Lower priority numbers are drawn from first.</summary>
public sealed class Warehouse
{
    private Warehouse() { }

    public WarehouseId Id { get; private set; }
    public string Code { get; private set; } = "";
    public string Name { get; private set; } = "";
    public int Priority { get; private set; }

    public static Warehouse Open(string code, string name, int priority)
    {
        var errors = new FieldErrors();
        errors.RequireText("code", code, 32);
        errors.RequireText("name", name, 200);
        if (priority is < 0 or > 1000) errors.Add("priority", "Priority is between 0 and 1000; lower is drawn from first.");
        errors.ThrowIfAny("warehouse.invalid", "The warehouse cannot be opened as sent.");
        return new Warehouse { Id = WarehouseId.New(), Code = code.Trim(), Name = name.Trim(), Priority = priority };
    }
}
