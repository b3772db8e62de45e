"""Per-task thresholds of the whole text and of the best piece, chosen on held-out scores."""
import numpy as np

from classifier.calibration import OFF, alone_labels, best_segment_threshold, best_threshold, compositions


def test_a_piece_threshold_is_chosen_where_pieces_recover_what_the_whole_text_missed():
    y = np.array([1] * 10 + [0] * 30)
    whole = np.array([True] * 5 + [False] * 5 + [False] * 30)          # the whole text finds half of them
    piece = np.concatenate([np.full(5, 0.99), np.full(5, 0.9), np.linspace(0.1, 0.8, 30)])
    threshold = best_segment_threshold(whole, piece, y)
    assert 0.8 < threshold <= 0.9


def test_pieces_that_only_add_false_tasks_are_not_used():
    y = np.array([1] * 10 + [0] * 30)
    whole = y == 1
    piece = np.concatenate([np.full(10, 0.95), np.full(30, 0.97)])
    assert best_segment_threshold(whole, piece, y) == OFF


def test_a_rare_task_type_gets_no_piece_threshold():
    y = np.array([1] * 3 + [0] * 30)
    assert best_segment_threshold(np.zeros(33, bool), np.full(33, 0.99), y) == OFF


def test_the_whole_text_threshold_is_f1_optimal():
    probs = np.array([0.9, 0.8, 0.7, 0.6, 0.35, 0.3, 0.1, 0.1, 0.1])
    y = np.array([1, 1, 1, 1, 1, 0, 0, 0, 0])
    assert best_threshold(probs, y) == 0.35


def test_a_task_type_rarely_asked_for_with_another_is_found_whole_only():
    label_lists = [("generel",)] * 40 + [("generel", "skilte")] + [("skilte",)] * 5 + [("skilte", "udeservering")] * 5
    assert alone_labels(label_lists) == {"generel"}


def test_compositions_join_held_out_single_task_examples_of_different_task_types():
    label_lists = [("a",), ("b",), ("c",), ("a",), ("b",), ("a", "b"), ("alone",), ("b", "c")] + [("alone",)] * 30
    groups = compositions(range(8), label_lists, seed=1)
    assert groups
    for group in groups:
        assert 2 <= len(group) <= 4
        assert len({label_lists[i][0] for i in group}) == len(group)
        assert not {5, 6, 7} & set(group)   # multi-task and whole-only examples stay out
