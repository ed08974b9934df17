/**
 * The broker link: the box as Home Assistant and a fleet's broker see it (MQTT 3.1.1, the HiveMQ client).
 *
 * <pre>
 * &lt;base&gt;/available                  online | offline (the last will), retained
 * &lt;base&gt;/&lt;entity&gt;/state             mood, presence, now_playing, volume, strategy, mood_override, camera; retained,
 *                                   sent on change, at most twice a second per topic
 * &lt;base&gt;/&lt;entity&gt;/set               commands: play_pause, skip, like, volume, strategy, mood_override, camera
 * &lt;base&gt;/group/status               the last group document: applied, refused (with the reasons) or ignored
 * &lt;prefix&gt;/&lt;component&gt;/&lt;node&gt;/&lt;entity&gt;/config   Home Assistant discovery, retained; re-sent on
 *                                   &lt;prefix&gt;/status = online, cleared when the owner turns the link off
 * moodbox/groups/&lt;group&gt;/settings   a fleet's retained settings document, read when the owner follows the group
 * </pre>
 *
 * Commands reach the rooms through the ports the kiosk, the button and the admin page use (the mood feed, the
 * player, the box's controls, the settings store with its checks): one set of rules (Frigate's conventions, the
 * house plan's example 9). Only numbers and names are published: no frame, no face ever leaves the box. Nothing
 * here waits on the broker: state waits in an outbox of one latest value per topic.
 */
package org.moodbox.mqtt;
