namespace Orderly.Server.Ui;

/// <summary>
/// Where the web UI lives (ADR 0024): every page under <see cref="Prefix"/>, so the API's paths keep their meaning, their
/// strict Content-Security-Policy and their 401s. A page reached without a session is redirected to <see cref="SignIn"/>.
/// </summary>
internal static class UiRoutes
{
    public const string Prefix = "/app";
    public const string Home = Prefix;
    public const string Work = Prefix + "/work";
    public const string SignIn = Prefix + "/sign-in";
    public const string SignOut = Prefix + "/sign-out";
    public const string Language = Prefix + "/language";
    public const string Orders = Prefix + "/orders";
    public const string NewOrder = Orders + "/new";
    public const string Dashboard = Prefix + "/dashboard";
    public const string Warehouse = Prefix + "/warehouse";
    public const string Finance = Prefix + "/finance";
    public const string Procurement = Prefix + "/procurement";
    public const string Profile = Prefix + "/profile";
    public const string Admin = Prefix + "/admin";
    public const string AdminAllocation = Admin + "/allocation";
    public const string AdminSlas = Admin + "/slas";
    public const string AdminUsers = Admin + "/users";
    public const string AdminMasterData = Admin + "/master-data";

    /// <summary>A purchase order's page.</summary>
    public static string PurchaseOrder(Guid id) => $"{Procurement}/purchase-orders/{id}";

    /// <summary>The order's page.</summary>
    public static string Order(Guid id) => $"{Orders}/{id}";

    /// <summary>Whether <paramref name="path"/> is one of the UI's (pages, their forms).</summary>
    public static bool IsPage(PathString path) => path.StartsWithSegments(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// <paramref name="url"/> when it is a UI address of this server (a path under <see cref="Prefix"/>, not <c>//host</c>),
    /// else <see cref="Home"/>: a <c>returnUrl</c> never sends a person to another site.
    /// </summary>
    public static string LocalOrHome(string? url) =>
        url is { Length: > 0 } u && u.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) && !u.StartsWith("//", StringComparison.Ordinal)
            && !u.Contains('\\') && IsPage(new PathString(u.Split('?')[0])) ? u : Home;

    /// <summary>The sign-in page that returns to <paramref name="returnUrl"/> afterwards.</summary>
    public static string SignInReturningTo(string returnUrl) => $"{SignIn}?returnUrl={Uri.EscapeDataString(LocalOrHome(returnUrl))}";
}
