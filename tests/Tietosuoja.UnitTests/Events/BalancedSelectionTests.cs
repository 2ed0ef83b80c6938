using Tietosuoja.Web.Data;
using Tietosuoja.Web.Events;

namespace Tietosuoja.UnitTests.Events;

public sealed class BalancedSelectionTests
{
    private static readonly DateTime Opened = new(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);

    private static Registrant Person(long id, OrganisationType type, ParticipantRole role) =>
        new(id, Language.Fi, $"Henkilö {id}", null, null, type, role, null, Opened.AddMinutes(id), RegistrationStatus.Registered, null);

    [Fact]
    public void Seats_go_where_the_group_is_thinnest_not_to_whoever_came_first()
    {
        // Six municipal DPOs register first; a ministry lawyer, the Ombudsman's expert and a county's security officer later.
        List<Registrant> registrants =
        [
            .. Enumerable.Range(1, 6).Select(i => Person(i, OrganisationType.Municipality, ParticipantRole.DataProtectionOfficer)),
            Person(7, OrganisationType.Ministry, ParticipantRole.Lawyer),
            Person(8, OrganisationType.DataProtectionOmbudsman, ParticipantRole.SectorExpert),
            Person(9, OrganisationType.WellbeingServicesCounty, ParticipantRole.Security),
        ];

        var suggestion = BalancedSelection.Suggest(registrants, capacity: 4);

        Assert.Equal([1L, 7, 8, 9], suggestion.Selected.ToArray());
        Assert.Equal([2L, 3, 4, 5, 6], suggestion.WaitingList.ToArray());
    }

    [Fact]
    public void A_tie_goes_to_the_earlier_registration_and_the_waiting_list_continues_the_balance()
    {
        List<Registrant> registrants =
        [
            Person(1, OrganisationType.Municipality, ParticipantRole.Lawyer),
            Person(2, OrganisationType.Municipality, ParticipantRole.DataProtectionOfficer),
            Person(3, OrganisationType.Ministry, ParticipantRole.DataProtectionOfficer),
            Person(4, OrganisationType.Ministry, ParticipantRole.Lawyer),
        ];

        var suggestion = BalancedSelection.Suggest(registrants, capacity: 2);

        // 1, then 3 (new type and new role); of 2 and 4, both share one type and one role: the earlier one.
        Assert.Equal([1L, 3], suggestion.Selected.ToArray());
        Assert.Equal([2L, 4], suggestion.WaitingList.ToArray());
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(10, 3)]
    public void Capacity_is_kept_within_the_registrants(int capacity, int selected)
    {
        List<Registrant> registrants = [.. Enumerable.Range(1, 3).Select(i => Person(i, OrganisationType.Municipality, ParticipantRole.Other))];

        var suggestion = BalancedSelection.Suggest(registrants, capacity);

        Assert.Equal(selected, suggestion.Selected.Length);
        Assert.Equal(3 - selected, suggestion.WaitingList.Length);
        Assert.Empty(BalancedSelection.Suggest([], 5).Selected);
    }
}
