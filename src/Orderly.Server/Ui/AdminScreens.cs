using Orderly.Domain.People;

namespace Orderly.Server.Ui;

/// <summary>The administration screens with the permission that opens each (the page checks it too), for the index and the app bar.</summary>
internal static class AdminScreens
{
    public sealed record Screen(string Route, string Title, string About, Permission Permission);

    public static readonly IReadOnlyList<Screen> All =
    [
        new(UiRoutes.AdminAllocation, "AllocationRules", "AllocationRulesAbout", PermissionTable.WorkflowRead),
        new(UiRoutes.AdminSlas, "SlasAndCalendars", "SlasAbout", PermissionTable.WorkflowRead),
        new(UiRoutes.AdminUsers, "UsersAndRoles", "UsersAbout", PermissionTable.UsersManage),
        new(UiRoutes.AdminMasterData, "MasterData", "MasterDataAbout", PermissionTable.CatalogRead),
    ];

    /// <summary>Whether the caller may open at least one of them.</summary>
    public static bool AnyFor(Application.Common.Caller caller) => For(caller).Any();

    /// <summary>The screens the caller may open; none for a customer or dealer user (administration is the company's own).</summary>
    public static IEnumerable<Screen> For(Application.Common.Caller caller) => caller.SeesOnlyOwn ? [] : All.Where(s => caller.May(s.Permission));
}
