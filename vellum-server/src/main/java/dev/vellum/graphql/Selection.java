package dev.vellum.graphql;

import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.DataFetchingEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a query selects on an object, read off the query's syntax tree: by field name, the fields that select it
 * (aliases and repeats of a field each add one), with fragments expanded and {@code @skip}/{@code @include} applied.
 * Top-level fields read it to know which fields to read and which references to resolve; graphql-java's
 * {@code getSelectionSet()} would build its normalized operation for that on every request.
 */
final class Selection {
    private final Map<String, List<Field>> byName = new LinkedHashMap<>();
    private final Map<String, FragmentDefinition> fragments;
    private final Map<String, Object> variables;

    private Selection(Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
        this.fragments = fragments;
        this.variables = variables;
    }

    /** What the query selects under the field being fetched (all its occurrences merged). */
    static Selection under(DataFetchingEnvironment env) {
        return new Selection(env.getFragmentsByName(), env.getVariables()).add(env.getMergedField().getFields());
    }

    /** The names of the fields selected. */
    Set<String> names() {
        return byName.keySet();
    }

    boolean has(String name) {
        return byName.containsKey(name);
    }

    /** What is selected under the fields named {@code name} (all of them merged). */
    Selection of(String name) {
        return new Selection(fragments, variables).add(byName.getOrDefault(name, List.of()));
    }

    /** This selection and {@code other}'s, merged (two reference fields that lead to the same collection). */
    Selection with(Selection other) {
        Selection merged = new Selection(fragments, variables);
        merged.byName.putAll(byName);
        other.byName.forEach((name, fields) -> merged.byName.merge(name, fields, (a, b) -> {
            List<Field> both = new ArrayList<>(a);
            both.addAll(b);
            return both;
        }));
        return merged;
    }

    private Selection add(List<Field> fields) {
        for (Field f : fields) collect(f.getSelectionSet());
        return this;
    }

    private void collect(SelectionSet set) {
        if (set == null) return;
        for (graphql.language.Selection<?> s : set.getSelections()) {
            if (!included((DirectivesContainer<?>) s)) continue;
            switch (s) {
                case Field f -> byName.computeIfAbsent(f.getName(), k -> new ArrayList<>()).add(f);
                case InlineFragment i -> collect(i.getSelectionSet()); // on an object type a fragment can only be of that type
                case FragmentSpread spread -> {
                    FragmentDefinition d = fragments.get(spread.getName());
                    if (d != null) collect(d.getSelectionSet());
                }
                default -> { }
            }
        }
    }

    /** {@code @skip(if: …)} and {@code @include(if: …)}, with a literal or a variable. */
    private boolean included(DirectivesContainer<?> node) {
        for (Directive d : node.getDirectives()) {
            if (d.getName().equals("skip") && condition(d)) return false;
            if (d.getName().equals("include") && !condition(d)) return false;
        }
        return true;
    }

    private boolean condition(Directive d) {
        var argument = d.getArgument("if");
        if (argument == null) return false;
        Value<?> v = argument.getValue();
        return switch (v) {
            case BooleanValue b -> b.isValue();
            case VariableReference ref -> Boolean.TRUE.equals(variables.get(ref.getName()));
            default -> false;
        };
    }
}
