import pytest

from sqtool.audit.tiers import gini, lorenz, participation, tier_sizes, tiers, writers_for


@pytest.mark.parametrize(
    ("members", "expected"),
    [
        (0, (0, 0, 0)),
        (1, (1, 0, 0)),  # ceil(0.01) = 1, ceil(0.1) = 1
        (10, (1, 0, 9)),  # ceil(0.1) = 1, ceil(1.0) = 1
        (100, (1, 9, 90)),
        (250, (3, 22, 225)),  # ceil(2.5) = 3, ceil(25) = 25 -> 22 next
        (500, (5, 45, 450)),
    ],
)
def test_tier_sizes(members, expected):
    assert tier_sizes(members) == expected


def test_hand_computed_participation_over_ten_members():
    # alice 5, bob 3, carol 2 messages; 10 members, so 7 never posted. Total 10 messages.
    result = participation([5, 3, 2], base=10)
    assert (result.members, result.posters, result.lurkers, result.lurker_share) == (10, 3, 7, 0.7)
    # n = 10: top 1 member (alice, 5 of 10), next 0, rest 9 members with 3 + 2 = 5 of 10
    assert [(t.name, t.members, t.messages, t.message_share) for t in result.tiers] == [
        ("top_1", 1, 5, 0.5),
        ("next_9", 0, 0, 0.0),
        ("rest", 9, 5, 0.5),
    ]
    # posters only, n = 3: top 1 (5/10), next 0, rest 2 (5/10)
    assert [(t.members, t.message_share) for t in result.tiers_posters] == [(1, 0.5), (0, 0.0), (2, 0.5)]
    # Gini, ascending x = [0]*7 + [2, 3, 5], n = 10:
    # sum (2i - n - 1) x_i = (16-11)*2 + (18-11)*3 + (20-11)*5 = 10 + 21 + 45 = 76; 76 / (10 * 10) = 0.76
    assert result.gini == pytest.approx(0.76)
    # posters [2, 3, 5], n = 3: (-2)*2 + 0*3 + 2*5 = 6; 6 / (3 * 10) = 0.2
    assert result.gini_posters == pytest.approx(0.2)
    # Lorenz: the least active k of 10 members wrote 0 until k = 8 (2), k = 9 (2 + 3), k = 10 (all)
    assert result.lorenz == pytest.approx((0, 0, 0, 0, 0, 0, 0, 0, 0.2, 0.5, 1.0))
    # 50%: alice alone (5 of 10); 80%: alice + bob (8 of 10)
    assert (result.writers_50, result.writers_80) == (1, 2)
    assert result.small_group


def test_without_a_member_base_lurkers_are_unknown():
    result = participation([4, 1], base=None)
    assert result.members == 2 and result.lurkers is None and result.lurker_share is None


def test_base_below_posters_is_raised_to_posters():
    assert participation([1, 1, 1], base=2).members == 3


def test_gini_extremes():
    assert gini([]) == 0 and gini([7]) == 0 and gini([0, 0]) == 0
    assert gini([3, 3, 3, 3]) == 0
    # one of n writes everything: (n - 1) / n
    assert gini([0, 0, 0, 8]) == pytest.approx(0.75)


def test_tiers_of_a_hundred_members_follow_1_9_90():
    counts = [100] + [10] * 9 + [1] * 90  # 100 + 90 + 90 = 280 messages
    top, following, rest = tiers(counts)
    assert (top.members, following.members, rest.members) == (1, 9, 90)
    assert top.message_share == pytest.approx(100 / 280)
    assert following.message_share == pytest.approx(90 / 280)
    assert rest.message_share == pytest.approx(90 / 280)


def test_writers_and_lorenz_of_nothing():
    assert writers_for([], 50) == 0
    assert lorenz([]) == pytest.approx(tuple(k / 10 for k in range(11)))
