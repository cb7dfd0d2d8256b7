import type { Rule } from '../types.ts';
import { bareUrl } from './bare-url.ts';
import { concepts } from './concepts.ts';
import { contentPolicyRules } from './content-policy.ts';
import { emptySection } from './empty-section.ts';
import { frontmatter } from './frontmatter.ts';
import { headingOrder } from './heading-order.ts';
import { internalLink } from './internal-link.ts';
import { itemIdCollision } from './item-id-collision.ts';
import { itemIdDuplicate } from './item-id-duplicate.ts';
import { itemIdMalformed } from './item-id-malformed.ts';
import { itemIdMissing } from './item-id-missing.ts';
import { itemIdVanished } from './item-id-vanished.ts';
import { malformedLink } from './malformed-link.ts';
import { mojibake } from './mojibake.ts';
import { resourceLink } from './resource-link.ts';
import { resources } from './resources.ts';

/** Every rule, in the order `--help` lists them. */
export const RULES: readonly Rule[] = [
	frontmatter,
	itemIdMissing,
	itemIdMalformed,
	itemIdDuplicate,
	itemIdVanished,
	itemIdCollision,
	concepts,
	resources,
	mojibake,
	headingOrder,
	emptySection,
	bareUrl,
	malformedLink,
	internalLink,
	// Chapters are content, not code (src/security/content-policy.ts).
	...contentPolicyRules,
	resourceLink,
];
