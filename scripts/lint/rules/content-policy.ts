import type { Root } from 'mdast';
import {
	checkChapter,
	POLICY_RULES,
	type PolicyFinding,
	type PolicyRule,
} from '../../../src/security/content-policy.ts';
import type { Rule } from '../types.ts';

/** Each chapter is checked once; every policy rule reports its own share of the findings. */
const checked = new WeakMap<Root, PolicyFinding[]>();
function policyFindings(tree: Root): PolicyFinding[] {
	let findings = checked.get(tree);
	if (!findings) checked.set(tree, (findings = checkChapter(tree)));
	return findings;
}

/**
 * The content policy (src/security/content-policy.ts) as lint rules, one per policy rule. The build
 * runs the same policy (src/integrations/content-policy.ts), so a chapter that skips the linter
 * still cannot ship.
 */
export const contentPolicyRules: readonly Rule[] = Object.entries(POLICY_RULES).map(
	([name, description]) => ({
		name,
		description,
		check({ chapters }, report) {
			for (const chapter of chapters) {
				for (const { rule, line, column, message, fix } of policyFindings(chapter.tree)) {
					if (rule === (name as PolicyRule)) {
						report({ file: chapter.file, line, column, message, fix });
					}
				}
			}
		},
	}),
);
