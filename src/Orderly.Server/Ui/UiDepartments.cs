using Orderly.Application.Common;
using Orderly.Domain.People;

namespace Orderly.Server.Ui;

/// <summary>The departments whose queues a page shows the caller: the department roles it holds (not an outside party's, not system administration), in the table's order.</summary>
internal static class UiDepartments
{
    public static IReadOnlyList<string> Of(Caller caller) =>
        [.. (caller.Roles ?? Enum.GetValues<Role>().ToHashSet()).Where(r => !r.IsOutsideParty() && r != Role.SystemAdministration).Order().Select(r => r.ToName())];
}
